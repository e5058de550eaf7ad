package dev.roleplan.rules;

import dev.roleplan.iam.ActionCatalog;
import dev.roleplan.iam.ActionInfo;
import dev.roleplan.model.Patterns;
import dev.roleplan.model.Statement;

import java.util.ArrayList;
import java.util.Collections;
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
        return MEMO.computeIfAbsent(actions, StatementActions::expandPatterns);
    }

    /**
     * Expansions by Action element: several rules expand every statement of every role, and roles attaching
     * the same AWS-managed policies repeat the same statements. Bounded, and pure (the catalog is bundled).
     */
    private static final Map<Patterns, List<ActionInfo>> MEMO = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Patterns, List<ActionInfo>> eldest) {
                    return size() > 4_096;
                }
            });

    private static List<ActionInfo> expandPatterns(Patterns actions) {
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
        return List.copyOf(sorted);
    }

    /** True if the statement's Action names every action ({@code *} or {@code *:*}). */
    public static boolean namesAllActions(Statement statement) {
        Patterns actions = statement.actions();
        return actions != null && !actions.negated()
                && actions.values().stream().anyMatch(a -> a.equals("*") || a.equals("*:*"));
    }
}
