package dev.roleplan.rules.ecs;

import dev.roleplan.ecs.Requirement;
import dev.roleplan.engine.Reporter;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.engine.RuleInfo;
import dev.roleplan.engine.Severity;
import dev.roleplan.iam.EffectivePermissions;
import dev.roleplan.model.RoleKind;
import dev.roleplan.model.RoleStatus;
import dev.roleplan.model.TaskDefinition;
import dev.roleplan.rules.Permissions;

import java.util.ArrayList;
import java.util.List;

@RuleInfo(id = "RP203", severity = Severity.HIGH,
        summary = "The task role does not allow something the task definition relies on",
        description = "Two features act with the task role rather than the execution role: EFS volumes with IAM "
                + "authorization (elasticfilesystem:ClientMount, and ClientWrite for a writable mount) and ECS Exec on a "
                + "service with enable_execute_command (the four ssmmessages channel actions). Without them the EFS "
                + "mount fails and the task stops with ResourceInitializationError, or execute-command cannot reach the "
                + "task. Grant them on the task role, or set one if the task definition has none.")
public final class TaskRoleMissingRequiredPermission implements Rule {

    @Override
    public void check(RuleContext context, Reporter reporter) {
        for (TaskDefinition td : context.model().taskDefinitions()) {
            List<Requirement> required = TaskRequirements.of(context, td, RoleKind.TASK);
            if (required.isEmpty()) {
                continue;
            }
            if (td.taskRole().status() == RoleStatus.ABSENT) {
                reportAbsent(td, required, reporter);
                continue;
            }
            if (!td.taskRole().isResolved()) {
                continue; // external or unknown: RP104
            }
            EffectivePermissions perms = Permissions.of(context, td.taskRole().role());
            for (TaskRequirements.Need need : TaskRequirements.needs(required)) {
                Requirement first = need.first();
                Verdict v = Verdict.of(td.taskRole().role(), perms, need.action(), need.resource(), first.isResourceKnown());
                if (v.allowed()) {
                    continue;
                }
                Reporter.Draft draft = reporter.at(td).role(td.taskRole()).key(need.action() + " " + need.resource());
                if (v.denyPolicy() != null) {
                    draft.policy(v.denyPolicy());
                    if (v.denyStatement() != null) {
                        draft.statement(v.denyStatement());
                    }
                }
                String message = "The task role " + td.taskRole().display() + " of " + td.address() + " does not allow "
                        + need.action() + " on " + need.resource() + " (" + v.explanation() + "), which " + need.origins()
                        + " needs to " + first.why() + ": " + consequence(first);
                if (v.certain()) {
                    draft.message(message + ".");
                } else {
                    draft.severity(Severity.INFO).message(message + " if it stays so."
                            + (first.isResourceKnown() ? "" : " Not certain: " + first.unknownReason() + "."));
                }
            }
        }
    }

    private static void reportAbsent(TaskDefinition td, List<Requirement> required, Reporter reporter) {
        List<String> needs = new ArrayList<>();
        for (TaskRequirements.Need need : TaskRequirements.needs(required)) {
            String item = need.action() + " (" + need.origins() + ")";
            if (!needs.contains(item)) {
                needs.add(item);
            }
        }
        reporter.at(td).role(td.taskRole()).key("no task role").message("No task role is set on " + td.address()
                + ", but it needs one that allows " + String.join(", ", needs) + ": " + consequence(required.get(0))
                + ". Set task_role_arn to a role that grants them.");
    }

    private static String consequence(Requirement r) {
        return switch (r.kind()) {
            case EXECUTE_COMMAND -> "aws ecs execute-command would fail (" + r.kind().ecsError() + ")";
            default -> "the task would fail to start with " + r.kind().ecsError();
        };
    }
}
