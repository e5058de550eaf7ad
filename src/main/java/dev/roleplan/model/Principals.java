package dev.roleplan.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Principal or NotPrincipal. {@code "Principal": "*"} is {@code anyone = true}. {@code byType} maps the
 * principal type as written (AWS, Service, Federated, CanonicalUser) to its identifiers, in input order.
 */
public record Principals(boolean anyone, Map<String, List<String>> byType, boolean negated) {

    // Written out as the record would generate them (same hash): decision 0012.
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Principals that
                && anyone == that.anyone
                && Objects.equals(byType, that.byType)
                && negated == that.negated;
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Boolean.hashCode(anyone);
        h = 31 * h + Objects.hashCode(byType);
        h = 31 * h + Boolean.hashCode(negated);
        return h;
    }

    public Principals {
        byType = Map.copyOf(byType);
    }

    public List<String> of(String type) {
        return byType.getOrDefault(type, List.of());
    }
}
