package dev.roleplan.model;

import java.util.List;
import java.util.Objects;

/**
 * A leaf inside an attribute tree ({@link Resource#values()}) whose value is known only after apply,
 * with the references the configuration computes it from.
 */
public record UnknownValue(String reason, List<Reference> references) {

    // Written out as the record would generate them (same hash): decision 0012.
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof UnknownValue that
                && Objects.equals(reason, that.reason)
                && Objects.equals(references, that.references);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(reason);
        h = 31 * h + Objects.hashCode(references);
        return h;
    }

    public UnknownValue {
        references = List.copyOf(references);
    }

    public static UnknownValue of(String reason) {
        return new UnknownValue(reason, List.of());
    }
}
