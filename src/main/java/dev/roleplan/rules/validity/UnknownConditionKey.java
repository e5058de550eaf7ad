package dev.roleplan.rules.validity;

import dev.roleplan.engine.Reporter;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.engine.RuleInfo;
import dev.roleplan.engine.Severity;
import dev.roleplan.iam.ActionCatalog;
import dev.roleplan.iam.ActionInfo;
import dev.roleplan.iam.ActionResourceType;
import dev.roleplan.iam.ConditionKey;
import dev.roleplan.model.Condition;
import dev.roleplan.rules.PolicyStatement;
import dev.roleplan.rules.RoleUse;
import dev.roleplan.rules.StatementActions;
import dev.roleplan.rules.Texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

@RuleInfo(id = "RP505", severity = Severity.LOW,
        summary = "A condition uses a key that neither the global keys nor the statement's actions define",
        description = "A condition key that the request never carries makes the condition compare against nothing: "
                + "an Allow with it never applies, a Deny with it never denies (or, with an IfExists or Null operator, "
                + "always does). Typos (aws:SourceAccount written aws:SourceAcount) and keys of another service are the "
                + "usual causes. Use a global key or one the Service Authorization Reference lists for the actions.")
public final class UnknownConditionKey implements Rule {

    @Override
    public void check(RuleContext context, Reporter reporter) {
        ActionCatalog catalog = ActionCatalog.get();
        for (RoleUse use : RoleUse.resolved(context.model())) {
            for (PolicyStatement ps : PolicyStatement.authored(use.role())) {
                if (!ps.statement().hasConditions()) {
                    continue;
                }
                List<ActionInfo> actions = StatementActions.namesAllActions(ps.statement()) ? null
                        : StatementActions.expand(ps.statement());
                for (Condition c : ps.statement().conditions()) {
                    problem(catalog, c.key(), actions).ifPresent(problem ->
                            reporter.at(use.taskDefinition()).role(use.ref()).policy(ps.policy()).statement(ps.statement())
                                    .key(c.key().toLowerCase(Locale.ROOT))
                                    .message(Texts.statement(ps) + ": " + problem));
                }
            }
        }
    }

    /**
     * What is wrong with a condition key, given the statement's actions (null when they are every action or a
     * NotAction list: then any key the catalog knows is accepted).
     */
    static Optional<String> problem(ActionCatalog catalog, String key, List<ActionInfo> actions) {
        if (key.contains("${")) {
            return Optional.empty();
        }
        Optional<ConditionKey> known = catalog.conditionKey(key);
        if (known.isPresent() && known.get().global()) {
            return Optional.empty();
        }
        if (actions != null && !actions.isEmpty() && actions.stream().anyMatch(a -> supports(a, key))) {
            return Optional.empty();
        }
        if (known.isEmpty()) {
            return Optional.of("condition key \"" + key + "\" is not a global key and no service defines it.");
        }
        if (actions == null || actions.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        actions.forEach(a -> names.add(a.fullName()));
        return Optional.of("condition key \"" + key + "\" is not defined for " + Texts.compact(names)
                + "; the condition never sees a value for it.");
    }

    /** True if the action, or one of its resource types, lists the key (templates such as {@code <key>} included). */
    static boolean supports(ActionInfo action, String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        for (String k : action.conditionKeys()) {
            if (keyMatches(k, lower)) {
                return true;
            }
        }
        for (ActionResourceType rt : action.resourceTypes()) {
            for (String k : rt.conditionKeys()) {
                if (keyMatches(k, lower)) {
                    return true;
                }
            }
            for (String k : rt.resourceType().conditionKeys()) {
                if (keyMatches(k, lower)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean keyMatches(String catalogKey, String lowerKey) {
        String lowerCatalog = catalogKey.toLowerCase(Locale.ROOT);
        if (lowerCatalog.equals(lowerKey)) {
            return true;
        }
        if (!lowerCatalog.contains("${") && !lowerCatalog.contains("<")) {
            return false;
        }
        String[] literals = lowerCatalog.replaceAll("\\$\\{[^}]*}|<[^>]*>", "\u0000").split("\u0000", -1);
        StringBuilder regex = new StringBuilder(Pattern.quote(literals[0]));
        for (int i = 1; i < literals.length; i++) {
            regex.append(".+").append(Pattern.quote(literals[i]));
        }
        return lowerKey.matches(regex.toString());
    }
}
