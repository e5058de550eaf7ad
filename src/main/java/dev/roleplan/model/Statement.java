package dev.roleplan.model;

import java.util.List;

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
