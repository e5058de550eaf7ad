package dev.roleplan.rules.guardrails;

import dev.roleplan.engine.Reporter;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.engine.RuleInfo;
import dev.roleplan.engine.Severity;
import dev.roleplan.iam.ActionCatalog;
import dev.roleplan.iam.ActionInfo;
import dev.roleplan.iam.Decision;
import dev.roleplan.iam.EffectivePermissions;
import dev.roleplan.iam.Wildcard;
import dev.roleplan.model.AttachedPolicy;
import dev.roleplan.model.Patterns;
import dev.roleplan.model.PolicySource;
import dev.roleplan.model.Statement;
import dev.roleplan.rules.Permissions;
import dev.roleplan.rules.RoleUse;
import java.util.List;
import java.util.Locale;


@RuleInfo(id = "RP901", severity = Severity.HIGH,
        summary = "A role is granted access that a guardrail in the configuration forbids",
        description = "Guardrails in .roleplan.yml name actions and resources that no role of a kind (execution, task "
                + "or any) may be granted, whatever else the policies say. An Allow statement overlaps a guardrail when "
                + "one of its action patterns and one of its resource patterns can match the same action and resource as "
                + "the guardrail's, and the role's Deny statements and permissions boundary do not take that access away. "
                + "Remove the access, narrow it so it no longer overlaps, or change the guardrail.")
public final class GuardrailAccessGranted implements Rule {

    /**
     * What the rule needs of a guardrail (the CLI maps the configuration's guardrails onto this, so rules do
     * not depend on the config package).
     *
     * @param roleKind execution, task or any
     */
    public record Guardrail(String name, String roleKind, List<String> actions, List<String> resources, Severity severity,
                            String reason) {
        public Guardrail {
            actions = List.copyOf(actions);
            resources = List.copyOf(resources);
        }
    }

    private final List<Guardrail> guardrails;

    /** With no guardrails configured the rule is silent. */
    public GuardrailAccessGranted() {
        this(List.of());
    }

    public GuardrailAccessGranted(List<Guardrail> guardrails) {
        this.guardrails = List.copyOf(guardrails);
    }

    @Override
    public void check(RuleContext context, Reporter reporter) {
        for (Guardrail g : guardrails) {
            for (RoleUse use : RoleUse.resolved(context.model())) {
                if (!g.roleKind().equals("any") && !g.roleKind().equals(use.kind().label())) {
                    continue;
                }
                for (AttachedPolicy p : use.role().policies()) {
                    if (p.source() == PolicySource.BOUNDARY || !p.document().isKnown()) {
                        continue;
                    }
                    for (Statement s : p.document().orNull().statements()) {
                        String action = overlap(s.actions(), g.actions(), true);
                        String resource = action == null ? null : overlap(s.resources(), g.resources(), false);
                        if (s.isAllow() && action != null && resource != null
                                && reallyGranted(Permissions.of(context, use.role()), g, p.id(), s, resource)) {
                            reporter.at(use.taskDefinition()).role(use.ref()).policy(p).statement(s)
                                    .key(g.name() + "|" + action.toLowerCase(Locale.ROOT) + "|" + resource)
                                    .severity(g.severity())
                                    .message("Guardrail \"" + g.name() + "\" forbids " + action + " on " + resource + " for "
                                            + (g.roleKind().equals("any") ? "any role" : g.roleKind() + " roles") + ", but statement "
                                            + s.label() + " of " + p.id() + " grants it to " + use.ref().display() + ", the "
                                            + use.kind().label() + " role of " + use.taskDefinition().address()
                                            + (s.hasConditions() ? " (under conditions)" : "") + "."
                                            + (g.reason() == null || g.reason().isBlank() ? "" : " Why: " + g.reason().strip()));
                        }
                    }
                }
            }
        }
    }

    /**
     * The first guardrail pattern the statement's patterns can reach: for Action/Resource, a pattern pair
     * where either matches the other (a literal or wildcard overlap); for NotAction/NotResource, a guardrail
     * pattern that no excluded pattern covers. Null when none, or when the statement has no such element.
     */
    static String overlap(Patterns statement, List<String> forbidden, boolean ignoreCase) {
        if (statement == null) {
            return null;
        }
        for (String f : forbidden) {
            if (statement.negated()) {
                boolean excluded = statement.values().stream().anyMatch(v -> glob(v, f, ignoreCase));
                if (!excluded) {
                    return f;
                }
            } else {
                for (String v : statement.values()) {
                    if (glob(v, f, ignoreCase) || glob(f, v, ignoreCase)) {
                        return Wildcard.hasWildcard(v) && !Wildcard.hasWildcard(f) ? f : v;
                    }
                }
            }
        }
        return null;
    }

    private static boolean glob(String pattern, String text, boolean ignoreCase) {
        return ignoreCase
                ? Wildcard.matches(pattern.toLowerCase(Locale.ROOT), text.toLowerCase(Locale.ROOT))
                : Wildcard.matches(pattern, text);
    }

    /**
     * The statement overlaps the guardrail on paper; the role really has that access only if some forbidden
     * concrete action the statement grants is allowed on the overlapping resource once Deny statements and
     * the permissions boundary have their say.
     */
    private static boolean reallyGranted(EffectivePermissions perms, Guardrail g, String policyId, Statement s,
                                         String resource) {
        // the guardrail's patterns expanded once per run (the catalog keeps the expansion), not per statement
        for (ActionInfo info : ActionCatalog.get().expand(new Patterns(g.actions(), false))) {
            var grant = perms.grant(info.fullName());
            if (grant.isEmpty() || grant.get().statements().stream()
                    .noneMatch(ref -> ref.policyId().equals(policyId) && ref.index() == s.index())) {
                continue;
            }
            Decision d = perms.decide(info.fullName(), resource).decision();
            if (d == Decision.ALLOWED || d == Decision.CONDITIONAL) {
                return true;
            }
        }
        return false;
    }
}
