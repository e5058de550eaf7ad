package dev.roleplan.model;

import java.util.List;
import java.util.Objects;

/**
 * One policy statement. {@code effect} is null when missing or invalid (the document's problems say so).
 * {@code actions}, {@code resources} and {@code principals} are null when the statement has neither the
 * positive nor the Not form. Values that are unknown before apply are kept as the text {@code ${...}}
 * (e.g. {@code ${aws_s3_bucket.assets.arn}/*}); the evaluator treats such parts as unknown, not as wildcards.
 */
public record Statement(
        int index,
        String sid,
        Effect effect,
        Patterns actions,
        Patterns resources,
        Principals principals,
        List<Condition> conditions,
        SourceLocation location) {

    // Written out as the record would generate them (same hash): decision 0012.
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Statement that
                && index == that.index
                && Objects.equals(sid, that.sid)
                && Objects.equals(effect, that.effect)
                && Objects.equals(actions, that.actions)
                && Objects.equals(resources, that.resources)
                && Objects.equals(principals, that.principals)
                && Objects.equals(conditions, that.conditions)
                && Objects.equals(location, that.location);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Integer.hashCode(index);
        h = 31 * h + Objects.hashCode(sid);
        h = 31 * h + Objects.hashCode(effect);
        h = 31 * h + Objects.hashCode(actions);
        h = 31 * h + Objects.hashCode(resources);
        h = 31 * h + Objects.hashCode(principals);
        h = 31 * h + Objects.hashCode(conditions);
        h = 31 * h + Objects.hashCode(location);
        return h;
    }

    public Statement {
        conditions = List.copyOf(conditions);
    }

    public enum Effect { ALLOW, DENY }

    public boolean isAllow() {
        return effect == Effect.ALLOW;
    }

    public boolean isDeny() {
        return effect == Effect.DENY;
    }

    public boolean hasConditions() {
        return !conditions.isEmpty();
    }

    /** Statement identity for findings: its Sid when it has one, else its index. */
    public String label() {
        return sid != null && !sid.isEmpty() ? sid : String.valueOf(index);
    }
}
