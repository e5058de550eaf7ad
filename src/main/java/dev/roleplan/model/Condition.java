package dev.roleplan.model;

import java.util.List;

/** One condition: operator (e.g. StringEquals, ForAnyValue:StringLike, ...IfExists), key, values. */
public record Condition(String operator, String key, List<String> values) {

    public Condition {
        values = List.copyOf(values);
    }
}
