package dev.roleplan.rules.ecs;

import dev.roleplan.ecs.Requirement;
import dev.roleplan.engine.Reporter;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.engine.RuleInfo;
import dev.roleplan.engine.Severity;
import dev.roleplan.iam.Decision;
import dev.roleplan.iam.EffectivePermissions;
import dev.roleplan.iam.Evaluation;
import dev.roleplan.iam.StatementRef;
import dev.roleplan.model.RoleKind;
import dev.roleplan.rules.Permissions;
import dev.roleplan.rules.RoleUse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

@RuleInfo(id = "RP108", severity = Severity.LOW,
        summary = "The task role allows the image pulls or log delivery that the execution role does for the task",
        description = "Pulling the task's images (ecr:GetAuthorizationToken, ecr:BatchGetImage, "
                + "ecr:GetDownloadUrlForLayer) and delivering its logs (logs:PutLogEvents on its own log group) is the "
                + "ECS agent's job, done with the execution role. The same permissions on the task role give the "
                + "application, and anyone who gets into the container, access it rarely needs. Remove them from the "
                + "task role unless the application itself calls these APIs.")
public final class TaskRoleGrantsExecutionPermissions implements Rule {

    private static final Set<String> JUDGED = Set.of(
            "ecr:GetAuthorizationToken", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "logs:PutLogEvents");

    @Override
    public void check(RuleContext context, Reporter reporter) {
        for (RoleUse use : RoleUse.resolved(context.model(), RoleKind.TASK)) {
            List<Requirement> platform = TaskRequirements.of(context, use.taskDefinition(), RoleKind.EXECUTION).stream()
                    .filter(r -> JUDGED.contains(r.action())).toList();
            if (platform.isEmpty()) {
                continue;
            }
            EffectivePermissions perms = Permissions.of(context, use.role());
            List<String> granted = new ArrayList<>();
            Set<String> policies = new TreeSet<>();
            Set<String> statements = new LinkedHashSet<>();
            for (TaskRequirements.Need need : TaskRequirements.needs(platform)) {
                String resource = need.first().isResourceKnown() ? need.resource() : Verdict.standIn(need.resource());
                Evaluation eval = perms.decide(need.action(), resource);
                if (eval.decision() != Decision.ALLOWED && eval.decision() != Decision.CONDITIONAL) {
                    continue;
                }
                granted.add(need.action() + " on " + need.resource());
                for (StatementRef ref : eval.statements()) {
                    policies.add(ref.policyId());
                    statements.add(ref.policyId() + "\u0000" + ref.label());
                }
            }
            if (granted.isEmpty()) {
                continue;
            }
            Reporter.Draft draft = reporter.at(use.taskDefinition()).role(use.ref());
            if (policies.size() == 1) {
                draft.policy(policies.iterator().next());
                if (statements.size() == 1) {
                    String only = statements.iterator().next();
                    draft.statement(only.substring(only.indexOf('\u0000') + 1));
                }
            }
            draft.message("The task role " + use.ref().display() + " of " + use.taskDefinition().address()
                    + " allows what the execution role does for this task: " + String.join("; ", granted)
                    + " (granted by " + String.join(", ", policies) + "). Remove these from the task role unless the "
                    + "application itself calls them.");
        }
    }
}
