package dev.roleplan.rules.roles;

import dev.roleplan.engine.Reporter;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.engine.RuleInfo;
import dev.roleplan.engine.Severity;
import dev.roleplan.iam.TrustPolicies;
import dev.roleplan.model.PolicyDocument;
import dev.roleplan.rules.RoleUse;

@RuleInfo(id = "RP105", severity = Severity.HIGH,
        summary = "The role's trust policy does not let ecs-tasks.amazonaws.com assume it",
        description = "ECS assumes both the execution role and the task role as the service principal "
                + "ecs-tasks.amazonaws.com. If the trust policy (assume_role_policy) does not allow that principal to "
                + "call sts:AssumeRole, the task fails to start. Add a statement allowing sts:AssumeRole to "
                + "{\"Service\": \"ecs-tasks.amazonaws.com\"}.")
public final class RoleNotAssumableByEcsTasks implements Rule {

    @Override
    public void check(RuleContext context, Reporter reporter) {
        for (RoleUse use : RoleUse.resolved(context.model())) {
            PolicyDocument trust = use.role().trustPolicy().orNull();
            if (trust == null || !trust.problems().isEmpty() && trust.statements().isEmpty()) {
                continue; // unknown (RP104) or unreadable (RP503): nothing to judge
            }
            if (!TrustPolicies.allowsEcsTasks(trust)) {
                reporter.at(use.taskDefinition()).role(use.ref()).policy("assume_role_policy")
                        .message("The trust policy of " + use.ref().display() + " (" + use.kind().label() + " role of "
                                + use.taskDefinition().address() + ") does not allow " + TrustPolicies.ECS_TASKS
                                + " to call sts:AssumeRole: the task would fail to start.");
            }
        }
    }
}
