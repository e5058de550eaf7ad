package dev.roleplan.rules;

import dev.roleplan.iam.ActionCatalog;
import dev.roleplan.iam.ActionInfo;
import dev.roleplan.model.Patterns;
import dev.roleplan.model.Statement;

import java.util.List;

/** The catalog actions a statement's {@code Action} names, expanded and de-duplicated. */
public final class StatementActions {

    private StatementActions() {
    }

    /**
     * The actions {@code Action} names, sorted by lower-case full name, or null when the statement uses
     * {@code NotAction} or has no action element (its actions are not a short list). Patterns unknown until
     * apply ({@code ${...}}) and typos (RP501) contribute nothing.
     */
    public static List<ActionInfo> expand(Statement statement) {
        Patterns actions = statement.actions();
        if (actions == null || actions.negated()) {
            return null;
        }
        return ActionCatalog.get().expand(actions);
    }

    /** True if the statement's Action (not NotAction) {@link ActionCatalog#namesEveryAction names every action}. */
    public static boolean namesAllActions(Statement statement) {
        Patterns actions = statement.actions();
        return actions != null && !actions.negated() && ActionCatalog.namesEveryAction(actions);
    }
}
