package dev.roleplan.model;

import java.util.List;

/**
 * A leaf inside an attribute tree ({@link Resource#values()}) whose value is known only after apply,
 * with the references the configuration computes it from.
 */
public record UnknownValue(String reason, List<Reference> references) {

    public UnknownValue {
        references = List.copyOf(references);
    }

    public static UnknownValue of(String reason) {
        return new UnknownValue(reason, List.of());
    }
}
