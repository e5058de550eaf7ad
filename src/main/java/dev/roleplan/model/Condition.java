package dev.roleplan.model;

import java.util.List;
import java.util.Objects;

/** One condition: operator (e.g. StringEquals, ForAnyValue:StringLike, ...IfExists), key, values. */
public record Condition(String operator, String key, List<String> values) {

    // Written out as the record would generate them (same hash): decision 0012.
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Condition that
                && Objects.equals(operator, that.operator)
                && Objects.equals(key, that.key)
                && Objects.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(operator);
        h = 31 * h + Objects.hashCode(key);
        h = 31 * h + Objects.hashCode(values);
        return h;
    }

    public Condition {
        values = List.copyOf(values);
    }
}
