package dev.roleplan.rules.ecs;

import dev.roleplan.iam.Decision;
import dev.roleplan.iam.EffectivePermissions;
import dev.roleplan.iam.Evaluation;
import dev.roleplan.iam.StatementRef;
import dev.roleplan.model.AttachedPolicy;
import dev.roleplan.model.Role;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a role grants one requirement, and why not. A resource with parts unknown until apply is judged
 * for every value those parts could take: it is granted when the role allows a stand-in value (which only a
 * wildcard can match), and only an explicit Deny of the stand-in is certain.
 *
 * @param decision    the evaluator's decision
 * @param explanation why it is not allowed, for messages (empty when allowed)
 * @param denyPolicy  the policy of the deciding Deny, or null
 * @param denyStatement the label of the deciding Deny statement, or null
 * @param certain     false when the role's own policies or the resource are partly unknown, so an implicit
 *                    denial might be wrong
 */
record Verdict(Decision decision, String explanation, String denyPolicy, String denyStatement, boolean certain) {

    static final String STAND_IN = "roleplan-unknown";

    boolean allowed() {
        return decision == Decision.ALLOWED || decision == Decision.CONDITIONAL;
    }

    static Verdict of(Role role, EffectivePermissions perms, String action, String resource, boolean resourceKnown) {
        Evaluation eval = perms.decide(action, resourceKnown ? resource : standIn(resource));
        if (!resourceKnown && eval.decision() == Decision.DENIED_IMPLICIT) {
            // The same unknown text in a policy (e.g. both computed from one reference) may well match.
            Evaluation raw = perms.decide(action, resource);
            if (raw.decision() == Decision.ALLOWED || raw.decision() == Decision.CONDITIONAL) {
                eval = raw;
            }
        }
        Decision d = eval.decision();
        List<String> unknownPolicies = unknownPolicies(role);
        boolean certain = resourceKnown && unknownPolicies.isEmpty();
        if (d == Decision.ALLOWED || d == Decision.CONDITIONAL) {
            return new Verdict(d, "", null, null, true);
        }
        if (d == Decision.DENIED_EXPLICIT) {
            StatementRef deny = eval.statements().isEmpty() ? null : eval.statements().get(0);
            String where = deny == null ? "a Deny statement" : "statement " + deny.label() + " of " + deny.policyId();
            return new Verdict(d, "explicitly denied by " + where, deny == null ? null : deny.policyId(),
                    deny == null ? null : deny.label(), true);
        }
        String why;
        if (eval.deniedByBoundary()) {
            why = "the permissions boundary " + role.boundary().id() + " does not allow it";
        } else {
            why = perms.grant(action).map(g -> "allowed only on " + String.join(", ", g.resources()))
                    .orElse("no policy of the role allows it");
        }
        if (!unknownPolicies.isEmpty()) {
            why += "; the document of " + String.join(", ", unknownPolicies) + " is not known, so it may still be granted";
        }
        return new Verdict(d, why, null, null, certain);
    }

    /** Unknown parts ({@code ${...}}) replaced by a value no real policy names. */
    static String standIn(String resource) {
        return resource.replaceAll("\\$\\{[^}]*}", STAND_IN);
    }

    private static List<String> unknownPolicies(Role role) {
        List<String> out = new ArrayList<>();
        for (AttachedPolicy p : role.policies()) {
            if (!p.document().isKnown()) {
                out.add(p.id());
            }
        }
        return out;
    }
}
