package dev.roleplan.iam;

import dev.roleplan.model.Statement;

/**
 * A statement that took part in a decision: its policy's id, its index in the policy (0-based), its
 * Sid if any, its effect, and whether it matched only conditionally.
 */
public record StatementRef(String policyId, int index, String sid, Statement.Effect effect, boolean conditional) {

    static StatementRef of(String policyId, Statement statement, boolean conditional) {
        return new StatementRef(policyId, statement.index(), statement.sid(), statement.effect(), conditional);
    }

    /** How findings name the statement, as {@link Statement#label()} does: its Sid when it has one, else its index. */
    public String label() {
        return sid != null && !sid.isEmpty() ? sid : String.valueOf(index);
    }
}
