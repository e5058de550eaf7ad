package dev.roleplan.rules.ecs;

import dev.roleplan.ecs.Requirement;
import dev.roleplan.ecs.SuggestedPolicy;
import dev.roleplan.engine.Reporter;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.engine.RuleInfo;
import dev.roleplan.engine.Severity;
import dev.roleplan.iam.ActionCatalog;
import dev.roleplan.iam.ActionInfo;
import dev.roleplan.iam.ArnPattern;
import dev.roleplan.iam.Decision;
import dev.roleplan.iam.EffectivePermissions;
import dev.roleplan.iam.PolicyEvaluator;
import dev.roleplan.iam.Tri;
import dev.roleplan.model.AttachedPolicy;
import dev.roleplan.model.PolicyDocument;
import dev.roleplan.model.RoleKind;
import dev.roleplan.model.Statement;
import dev.roleplan.rules.Permissions;
import dev.roleplan.rules.RoleUse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

@RuleInfo(id = "RP202", severity = Severity.MEDIUM,
        summary = "The execution role allows platform actions beyond what the containers need",
        description = "The execution role needs exactly what the task definition uses: its ECR repositories, its log "
                + "groups, its secrets, parameters, environment files and their KMS keys. Grants beyond that "
                + "(logs:PutLogEvents on *, secretsmanager:GetSecretValue on secrets no container reads, the managed "
                + "AmazonECSTaskExecutionRolePolicy where one repository and one log group are used) let anyone who "
                + "can run a task with the role read other secrets and write to other log groups. The finding carries "
                + "the least-privilege policy to use instead. Pull-through cache actions (ecr:BatchImportUpstreamImage, "
                + "ecr:CreateRepository) are not judged, since the input does not say which repositories are caches.")
public final class ExecutionRoleGrantsMoreThanRequired implements Rule {

    /** The platform actions of RP102 that requirements can justify, concrete; loaded with the catalog on first use. */
    private static final class Judged {
        static final List<String> ACTIONS = judgedActions();
    }

    private static List<String> judgedActions() {
        List<String> out = new ArrayList<>(List.of(
                "ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer",
                "ecr:BatchGetImage", "logs:CreateLogStream", "logs:PutLogEvents", "logs:CreateLogGroup",
                "secretsmanager:GetSecretValue", "ssm:GetParameters", "kms:Decrypt", "s3:GetObject",
                "s3:GetBucketLocation"));
        for (ActionInfo a : ActionCatalog.get().expand("elasticfilesystem:Client*")) {
            out.add(a.fullName());
        }
        return List.copyOf(out);
    }

    /** One grant beyond the requirements: a statement allows this action on this resource pattern. */
    private record Excess(String statement, String action, String pattern, boolean conditional) {
    }

    @Override
    public void check(RuleContext context, Reporter reporter) {
        for (RoleUse use : RoleUse.resolved(context.model(), RoleKind.EXECUTION)) {
            if (!use.taskDefinition().containers().isKnown() || !use.taskDefinition().problems().isEmpty()
                    || !TaskRequirements.of(context, use.taskDefinition()).notes().isEmpty()) {
                // What the containers need is not fully known (RP104/RP201 say why): "more than needed" would be a guess.
                continue;
            }
            List<Requirement> required = TaskRequirements.of(context, use.taskDefinition(), RoleKind.EXECUTION);
            EffectivePermissions perms = Permissions.of(context, use.role());
            Map<String, List<Excess>> byPolicy = new TreeMap<>();
            for (AttachedPolicy policy : use.role().policies()) {
                PolicyDocument doc = policy.document().orNull();
                if (doc == null) {
                    continue;
                }
                for (Statement s : doc.statements()) {
                    List<Excess> found = excess(s, required, perms);
                    if (!found.isEmpty()) {
                        byPolicy.computeIfAbsent(policy.id(), k -> new ArrayList<>()).addAll(found);
                    }
                }
            }
            SuggestedPolicy suggested = SuggestedPolicy.of(required);
            for (Map.Entry<String, List<Excess>> e : byPolicy.entrySet()) {
                report(use, e.getKey(), e.getValue(), suggested, reporter);
            }
        }
    }

    private static List<Excess> excess(Statement s, List<Requirement> required, EffectivePermissions perms) {
        List<Excess> out = new ArrayList<>();
        if (!s.isAllow() || s.actions() == null || s.resources() == null) {
            return out;
        }
        for (String action : Judged.ACTIONS) {
            if (PolicyEvaluator.actionMatches(s.actions(), action.toLowerCase(Locale.ROOT)) == Tri.NO) {
                continue;
            }
            if (s.resources().negated()) {
                out.add(new Excess(s.label(), action, "NotResource " + String.join(", ", s.resources().values()),
                        s.hasConditions()));
                continue;
            }
            for (String pattern : s.resources().values()) {
                if (beyond(action, pattern, required, perms)) {
                    out.add(new Excess(s.label(), action, pattern, s.hasConditions()));
                }
            }
        }
        return out;
    }

    /**
     * True when the pattern covers a resource no requirement names and the role really allows it there
     * (a Deny or the boundary may take it away). A requirement's unknown parts count as any value.
     */
    static boolean beyond(String action, String pattern, List<Requirement> required, EffectivePermissions perms) {
        if (!pattern.contains("*") && !pattern.contains("?") && !pattern.contains("${")
                && ActionCatalog.get().action(action).map(a -> !a.isWildcardOnly() && !a.acceptsArn(pattern)).orElse(false)) {
            return false; // a resource the action cannot apply to grants nothing (RP502's business)
        }
        String witness = witness(pattern);
        for (Requirement r : required) {
            if (!r.action().equalsIgnoreCase(action)) {
                continue;
            }
            if (r.resource().equals(pattern) || sameSecret(r.resource(), pattern)) {
                return false;
            }
            String asPattern = r.resource().replaceAll("\\$\\{[^}]*}", "*");
            if (ArnPattern.of(asPattern).matches(witness) == Tri.YES) {
                return false;
            }
        }
        Decision d = perms.decide(action, witness).decision();
        return d == Decision.ALLOWED || d == Decision.CONDITIONAL;
    }

    /**
     * {@code secret:NAME-??????} names the same one secret as its full ARN {@code secret:NAME-AbC123}: secret
     * names are unique, and the six characters are the random suffix.
     */
    static boolean sameSecret(String resource, String pattern) {
        return resource.contains(":secret:") && resource.matches(".*-[A-Za-z0-9]{6}")
                && pattern.equals(resource.substring(0, resource.length() - 6) + "??????");
    }

    /** A resource the pattern covers that no real requirement names: wildcards and unknowns filled in. */
    static String witness(String pattern) {
        return pattern.replaceAll("\\$\\{[^}]*}", "roleplan-other").replace("*", "roleplan-other").replace("?", "x");
    }

    private static void report(RoleUse use, String policyId, List<Excess> items, SuggestedPolicy suggested, Reporter reporter) {
        Set<String> statements = new LinkedHashSet<>();
        Map<String, Set<String>> actionsByPattern = new LinkedHashMap<>();
        boolean conditional = false;
        for (Excess x : items) {
            statements.add(x.statement());
            actionsByPattern.computeIfAbsent(x.pattern(), k -> new TreeSet<>()).add(x.action());
            conditional |= x.conditional();
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : actionsByPattern.entrySet()) {
            parts.add(String.join(", ", e.getValue()) + " on " + e.getKey());
        }
        Reporter.Draft draft = reporter.at(use.taskDefinition()).role(use.ref()).policy(policyId);
        if (statements.size() == 1) {
            draft.statement(statements.iterator().next());
        }
        String head = "The execution role " + use.ref().display() + " of " + use.taskDefinition().address() + " allows, through "
                + policyId + ", more than its containers need: " + String.join("; ", parts)
                + (conditional ? " (some with conditions)" : "") + ". ";
        if (suggested.isEmpty()) {
            draft.message(head + "The task definition needs no execution-role permissions at all: remove these grants.");
        } else {
            draft.suggestion(suggested.toSuggestion()).message(head + "Replace them with the suggested policy, which grants "
                    + "exactly what the task definition uses (" + summary(suggested) + ").");
        }
    }

    private static String summary(SuggestedPolicy p) {
        List<String> sids = new ArrayList<>();
        for (SuggestedPolicy.SuggestedStatement s : p.statements()) {
            sids.add(s.sid());
        }
        return String.join(", ", sids);
    }
}
