package dev.roleplan.rules.roles;

import dev.roleplan.engine.Reporter;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.engine.RuleInfo;
import dev.roleplan.engine.Severity;
import dev.roleplan.iam.TrustPolicies;
import dev.roleplan.model.PolicyDocument;
import dev.roleplan.model.RoleKind;
import dev.roleplan.model.Statement;
import dev.roleplan.rules.RoleUse;

@RuleInfo(id = "RP106", severity = Severity.LOW,
        summary = "The task role trusts ecs-tasks.amazonaws.com without an aws:SourceAccount or aws:SourceArn condition",
        description = "Without a condition on aws:SourceAccount or aws:SourceArn, ECS acting for any account could be "
                + "asked to assume the task role (the confused-deputy problem). AWS recommends bounding the trust of "
                + "task roles to your own account or task definitions. Add a Condition such as StringEquals "
                + "aws:SourceAccount = your account id, or ArnLike aws:SourceArn = arn:aws:ecs:REGION:ACCOUNT:*. "
                + "The rule judges task roles only, the roles the application acts with.")
public final class TaskRoleTrustWithoutSourceConditions implements Rule {

    @Override
    public void check(RuleContext context, Reporter reporter) {
        for (RoleUse use : RoleUse.resolved(context.model(), RoleKind.TASK)) {
            PolicyDocument trust = use.role().trustPolicy().orNull();
            if (trust == null) {
                continue; // unknown until apply: RP104 says so
            }
            for (Statement s : TrustPolicies.ecsTasksWithoutSourceConditions(trust)) {
                reporter.at(use.taskDefinition()).role(use.ref()).policy("assume_role_policy").statement(s)
                        .message("The trust policy of " + use.ref().display() + " (task role of "
                                + use.taskDefinition().address() + ") lets " + TrustPolicies.ECS_TASKS
                                + " assume it without an aws:SourceAccount or aws:SourceArn condition; add one to "
                                + "bound the trust to your own account.");
            }
        }
    }
}
