package dev.roleplan.iam;

import java.util.List;

/**
 * Result of {@link PolicyEvaluator#evaluate}.
 *
 * @param decision   the overall decision
 * @param statements the deciding statements: the unconditional Denies for {@code DENIED_EXPLICIT}; the
 *                   matching Allows for {@code ALLOWED}; for {@code CONDITIONAL} the Allows and the
 *                   conditional Denies that together make it so; empty for {@code DENIED_IMPLICIT}
 * @param identity   the decision of the identity policies alone
 * @param boundary   the decision of the permissions boundary alone, or null when there is none
 */
public record Evaluation(Decision decision, List<StatementRef> statements, Decision identity, Decision boundary) {
    public Evaluation {
        statements = List.copyOf(statements);
    }

    public boolean explicitDeny() {
        return decision == Decision.DENIED_EXPLICIT;
    }

    /** True if the identity policies allow (or conditionally allow) but the boundary does not allow at all. */
    public boolean deniedByBoundary() {
        return boundary == Decision.DENIED_IMPLICIT && identity != Decision.DENIED_IMPLICIT
                && identity != Decision.DENIED_EXPLICIT;
    }
}
