package dev.roleplan.model;

import java.util.List;
import java.util.Objects;

/** Action or resource patterns of a statement; {@code negated} for NotAction / NotResource. */
public record Patterns(List<String> values, boolean negated) {

    // Written out as the record would generate them (same hash): decision 0012.
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Patterns that
                && Objects.equals(values, that.values)
                && negated == that.negated;
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(values);
        h = 31 * h + Boolean.hashCode(negated);
        return h;
    }

    public Patterns {
        values = List.copyOf(values);
    }

    public static Patterns of(String... values) {
        return new Patterns(List.of(values), false);
    }

    public static Patterns not(String... values) {
        return new Patterns(List.of(values), true);
    }
}
