package dev.roleplan.rules.validity;

import dev.roleplan.engine.Reporter;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.engine.RuleInfo;
import dev.roleplan.engine.Severity;
import dev.roleplan.iam.ActionCatalog;
import dev.roleplan.iam.ActionInfo;
import dev.roleplan.iam.ServiceInfo;
import dev.roleplan.model.Patterns;
import dev.roleplan.rules.PolicyStatement;
import dev.roleplan.rules.RoleUse;
import dev.roleplan.rules.Texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@RuleInfo(id = "RP501", severity = Severity.HIGH,
        summary = "An action or action wildcard matches no IAM action",
        description = "IAM accepts a policy naming an action that does not exist (a typo such as s3:GetObjects, a "
                + "wildcard such as ecr:Pull* that matches nothing, an unknown service prefix) and silently grants, "
                + "or denies, nothing for it. The permission the author meant is missing and the task fails at run "
                + "time, or a Deny meant as a guardrail does not apply. Correct the name; the message suggests the "
                + "closest real action.")
public final class UnknownAction implements Rule {

    @Override
    public void check(RuleContext context, Reporter reporter) {
        ActionCatalog catalog = ActionCatalog.get();
        for (RoleUse use : RoleUse.resolved(context.model())) {
            for (PolicyStatement ps : PolicyStatement.authored(use.role())) {
                Patterns actions = ps.statement().actions();
                if (actions == null) {
                    continue;
                }
                for (String pattern : actions.values()) {
                    problem(catalog, pattern).ifPresent(problem ->
                            reporter.at(use.taskDefinition()).role(use.ref()).policy(ps.policy()).statement(ps.statement())
                                    .key(pattern.toLowerCase(Locale.ROOT))
                                    .message(Texts.statement(ps) + ": " + problem));
                }
            }
        }
    }

    /** What is wrong with an action pattern, or empty when it names at least one action (or is unknown until apply). */
    static Optional<String> problem(ActionCatalog catalog, String pattern) {
        if (pattern.contains("${") || !catalog.expand(pattern).isEmpty()) {
            return Optional.empty();
        }
        int colon = pattern.indexOf(':');
        if (colon <= 0) {
            return Optional.of("\"" + pattern + "\" is not an action: actions are written service:Action (e.g. s3:GetObject).");
        }
        String prefix = pattern.substring(0, colon);
        Optional<ServiceInfo> service = prefix.contains("*") || prefix.contains("?") ? Optional.empty() : catalog.service(prefix);
        if (service.isEmpty()) {
            return Optional.of("\"" + pattern + "\" names no known service: \"" + prefix + "\" is not an IAM service prefix"
                    + suggestionFor(catalog.services().keySet(), prefix.toLowerCase(Locale.ROOT), "") + ".");
        }
        String what = pattern.contains("*") || pattern.contains("?") ? "matches no action" : "is not an action";
        List<String> names = new ArrayList<>();
        for (ActionInfo a : service.get().actions()) {
            names.add(a.name());
        }
        return Optional.of("\"" + pattern + "\" " + what + " of " + service.get().prefix()
                + suggestionFor(names, pattern.substring(colon + 1), service.get().prefix() + ":")
                + "; it grants nothing.");
    }

    /** " (did you mean s3:GetObject?)" for the closest name within a small edit distance, else empty. */
    private static String suggestionFor(Iterable<String> candidates, String typed, String prefix) {
        String lowerTyped = typed.replace("*", "").replace("?", "").toLowerCase(Locale.ROOT);
        if (lowerTyped.isEmpty()) {
            return "";
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int limit = Math.max(2, lowerTyped.length() / 4);
        for (String candidate : candidates) {
            int d = distance(lowerTyped, candidate.toLowerCase(Locale.ROOT), limit);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best != null && bestDistance <= limit ? " (did you mean " + prefix + best + "?)" : "";
    }

    /** Levenshtein distance, giving up (returning limit + 1) once it must exceed limit. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
