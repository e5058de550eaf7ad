package dev.roleplan.model;

import java.util.List;
import java.util.Map;

/**
 * Principal or NotPrincipal. {@code "Principal": "*"} is {@code anyone = true}. {@code byType} maps the
 * principal type as written (AWS, Service, Federated, CanonicalUser) to its identifiers, in input order.
 */
public record Principals(boolean anyone, Map<String, List<String>> byType, boolean negated) {

    public Principals {
        byType = Map.copyOf(byType);
    }

    public List<String> of(String type) {
        return byType.getOrDefault(type, List.of());
    }
}
