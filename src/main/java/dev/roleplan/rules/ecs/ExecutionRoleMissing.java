package dev.roleplan.rules.ecs;

import dev.roleplan.ecs.Requirement;
import dev.roleplan.engine.Reporter;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.engine.RuleInfo;
import dev.roleplan.engine.Severity;
import dev.roleplan.model.RoleKind;
import dev.roleplan.model.RoleStatus;
import dev.roleplan.model.TaskDefinition;

import java.util.ArrayList;
import java.util.List;

@RuleInfo(id = "RP103", severity = Severity.HIGH,
        summary = "No execution role is set, but a container needs one",
        description = "A private ECR image, the awslogs log driver, secrets, repositoryCredentials and environmentFiles "
                + "are all fetched by the ECS agent with the execution role. Without execution_role_arn the task fails "
                + "to start (CannotPullContainerError or ResourceInitializationError). Set execution_role_arn to a role "
                + "that ecs-tasks.amazonaws.com can assume and that grants exactly what the containers use.")
public final class ExecutionRoleMissing implements Rule {

    @Override
    public void check(RuleContext context, Reporter reporter) {
        for (TaskDefinition td : context.model().taskDefinitions()) {
            if (td.executionRole().status() != RoleStatus.ABSENT) {
                continue;
            }
            List<Requirement> required = TaskRequirements.of(context, td, RoleKind.EXECUTION);
            if (required.isEmpty()) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            for (Requirement r : required) {
                String reason = r.origin();
                if (!reasons.contains(reason)) {
                    reasons.add(reason);
                }
            }
            reporter.at(td).roleKind(RoleKind.EXECUTION).message("No execution role is set on " + td.address()
                    + ", but " + String.join("; ", reasons) + " need" + (reasons.size() == 1 ? "s" : "")
                    + " one: the task would fail to start with " + required.get(0).kind().ecsError()
                    + ". Set execution_role_arn.");
        }
    }
}
