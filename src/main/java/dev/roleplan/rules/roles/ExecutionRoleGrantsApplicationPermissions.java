package dev.roleplan.rules.roles;

import dev.roleplan.engine.Reporter;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.engine.RuleInfo;
import dev.roleplan.engine.Severity;
import dev.roleplan.iam.ActionCatalog;
import dev.roleplan.iam.EffectivePermissions;
import dev.roleplan.iam.StatementRef;
import dev.roleplan.iam.Wildcard;
import dev.roleplan.model.RoleKind;
import dev.roleplan.rules.Permissions;
import dev.roleplan.rules.RoleUse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

@RuleInfo(id = "RP102", severity = Severity.HIGH,
        summary = "The execution role allows actions the ECS platform never needs",
        description = "The execution role is for the ECS agent: pulling images, writing logs, reading the secrets and "
                + "environment files the containers name, mounting EFS. Application permissions on it (s3:PutObject, "
                + "dynamodb:*, sqs:SendMessage ...) are usable by anyone who can register a task definition with the "
                + "role, and are invisible to a review of the application's task role. Move them to the task role.")
public final class ExecutionRoleGrantsApplicationPermissions implements Rule {

    /** What ECS itself calls with the execution role (RULES.md, RP102). */
    public static final List<String> PLATFORM_ACTIONS = List.of(
            "ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer",
            "ecr:BatchGetImage", "ecr:BatchImportUpstreamImage", "ecr:CreateRepository",
            "logs:CreateLogStream", "logs:PutLogEvents", "logs:CreateLogGroup",
            "secretsmanager:GetSecretValue", "ssm:GetParameters", "kms:Decrypt",
            "s3:GetObject", "s3:GetBucketLocation", "elasticfilesystem:Client*");

    /** How many actions of one service the message names before it summarises. */
    private static final int LISTED_PER_SERVICE = 4;

    public static boolean isPlatformAction(String action) {
        String lower = action.toLowerCase(Locale.ROOT);
        return PLATFORM_ACTIONS.stream().anyMatch(p -> Wildcard.matches(p.toLowerCase(Locale.ROOT), lower));
    }

    @Override
    public void check(RuleContext context, Reporter reporter) {
        for (RoleUse use : RoleUse.resolved(context.model(), RoleKind.EXECUTION)) {
            EffectivePermissions perms = Permissions.of(context, use.role());
            List<String> application = perms.actions().stream().filter(a -> !isPlatformAction(a)).toList();
            if (application.isEmpty()) {
                continue;
            }
            Set<String> policies = new TreeSet<>();
            Set<String> statements = new TreeSet<>();
            Set<String> labels = new TreeSet<>();
            for (String action : application) {
                for (StatementRef ref : perms.grant(action).orElseThrow().statements()) {
                    policies.add(ref.policyId());
                    String label = ref.label();
                    statements.add(ref.policyId() + "#" + label);
                    labels.add(label);
                }
            }
            var draft = reporter.at(use.taskDefinition()).role(use.ref());
            if (policies.size() == 1) {
                draft.policy(policies.iterator().next());
            }
            if (statements.size() == 1) {
                draft.statement(labels.iterator().next());
            }
            draft.message("The execution role " + use.ref().display() + " of " + use.taskDefinition().address()
                    + " allows " + application.size() + (application.size() == 1 ? " action" : " actions")
                    + " the ECS platform does not need: " + summarise(application) + " (granted by "
                    + String.join(", ", policies) + "). Move application permissions to the task role.");
        }
    }

    /** {@code s3:* (all 150)}, or a few names and a count per service, services in order. */
    static String summarise(List<String> actions) {
        ActionCatalog catalog = ActionCatalog.get();
        Map<String, List<String>> byService = new TreeMap<>();
        for (String a : actions) {
            byService.computeIfAbsent(a.substring(0, a.indexOf(':')).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(a);
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byService.entrySet()) {
            List<String> list = e.getValue();
            List<String> all = catalog.service(e.getKey())
                    .map(s -> s.actions().stream().map(a -> a.fullName()).toList()).orElse(List.of());
            List<String> missing = all.stream().filter(a -> list.stream().noneMatch(a::equalsIgnoreCase)).toList();
            if (list.size() <= LISTED_PER_SERVICE) {
                parts.addAll(list);
            } else if (missing.isEmpty()) {
                parts.add(e.getKey() + ":* (all " + all.size() + " actions)");
            } else if (missing.size() <= 3) {
                parts.add(e.getKey() + ":* except " + String.join(", ", missing) + " (" + list.size() + " actions)");
            } else if (list.size() * 2 > all.size()) {
                // Most of the service, typically a service wildcard on specific resources.
                parts.add(e.getKey() + ":* (" + list.size() + " of its " + all.size() + " actions)");
            } else {
                parts.add(String.join(", ", list.subList(0, LISTED_PER_SERVICE)) + " and " + (list.size() - LISTED_PER_SERVICE)
                        + " more " + e.getKey() + " actions");
            }
        }
        if (parts.size() > 8) {
            int rest = parts.size() - 8;
            parts = new ArrayList<>(parts.subList(0, 8));
            parts.add("actions of " + rest + " more services");
        }
        return String.join(", ", parts);
    }
}
