package dev.roleplan.model;

import java.util.List;

/** Action or resource patterns of a statement; {@code negated} for NotAction / NotResource. */
public record Patterns(List<String> values, boolean negated) {

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
