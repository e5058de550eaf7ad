package dev.roleplan.rules;

import dev.roleplan.iam.ActionCatalog;
import dev.roleplan.iam.ActionInfo;
import dev.roleplan.model.Patterns;
import dev.roleplan.model.Statement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        ActionCatalog catalog = ActionCatalog.get();
        // De-duplicated by the catalog's interned lower-case names, then sorted by them: "*" expands to every
        // action, and the expansions arrive nearly sorted, which the sort finishes in about one pass.
        Map<String, ActionInfo> out = new LinkedHashMap<>();
        for (String pattern : actions.values()) {
            if (pattern.contains("${")) {
                continue;
            }
            for (ActionInfo a : catalog.expand(pattern)) {
                out.putIfAbsent(a.lowerName(), a);
            }
        }
        List<ActionInfo> sorted = new ArrayList<>(out.values());
        sorted.sort(Comparator.comparing(ActionInfo::lowerName));
        return sorted;
    }

    /** True if the statement's Action names every action ({@code *} or {@code *:*}). */
    public static boolean namesAllActions(Statement statement) {
        Patterns actions = statement.actions();
        return actions != null && !actions.negated()
                && actions.values().stream().anyMatch(a -> a.equals("*") || a.equals("*:*"));
    }
}
