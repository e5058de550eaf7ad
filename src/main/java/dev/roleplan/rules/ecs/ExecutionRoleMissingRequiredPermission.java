package dev.roleplan.rules.ecs;

import dev.roleplan.ecs.Requirement;
import dev.roleplan.ecs.SuggestedPolicy;
import dev.roleplan.engine.Reporter;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.engine.RuleInfo;
import dev.roleplan.engine.Severity;
import dev.roleplan.iam.EffectivePermissions;
import dev.roleplan.model.RoleKind;
import dev.roleplan.model.TaskDefinition;
import dev.roleplan.rules.Permissions;

import java.util.List;

@RuleInfo(id = "RP201", severity = Severity.HIGH,
        summary = "The execution role does not allow something the containers need to start",
        description = "ECS uses the execution role to pull private ECR images, create log streams, read the secrets, "
                + "parameters and environment files the containers name, and decrypt them. If the role does not allow "
                + "one of these (no statement grants it, it is granted on another resource, or a Deny removes it), the "
                + "task stops before its containers run, with CannotPullContainerError or ResourceInitializationError. "
                + "The finding carries the least-privilege execution-role policy that grants exactly what the task "
                + "definition needs.")
public final class ExecutionRoleMissingRequiredPermission implements Rule {

    @Override
    public void check(RuleContext context, Reporter reporter) {
        for (TaskDefinition td : context.model().taskDefinitions()) {
            for (String note : TaskRequirements.of(context, td).notes()) {
                // What a container names but roleplan cannot turn into a permission is said, not dropped.
                reporter.at(td).role(td.executionRole()).severity(Severity.INFO).key("note " + note)
                        .message("What the execution role of " + td.address() + " needs cannot be fully derived: " + note
                                + ". Check that the role allows it.");
            }
            List<Requirement> required = TaskRequirements.of(context, td, RoleKind.EXECUTION);
            if (required.isEmpty() || !td.executionRole().isResolved()) {
                continue; // absent: RP103; external or unknown: RP104
            }
            EffectivePermissions perms = Permissions.of(context, td.executionRole().role());
            Object suggestion = SuggestedPolicy.of(required).toSuggestion();
            for (TaskRequirements.Need need : TaskRequirements.needs(required)) {
                Requirement first = need.first();
                Verdict v = Verdict.of(td.executionRole().role(), perms, need.action(), need.resource(), first.isResourceKnown());
                if (v.allowed()) {
                    continue;
                }
                Reporter.Draft draft = reporter.at(td).role(td.executionRole()).key(need.action() + " " + need.resource())
                        .suggestion(suggestion);
                if (v.denyPolicy() != null) {
                    draft.policy(v.denyPolicy());
                    if (v.denyStatement() != null) {
                        draft.statement(v.denyStatement());
                    }
                }
                String message = "The execution role " + td.executionRole().display() + " of " + td.address()
                        + " does not allow " + need.action() + " on " + need.resource() + " (" + v.explanation()
                        + "), which " + need.origins() + " needs to " + first.why() + ": ";
                if (v.certain()) {
                    draft.message(message + "the task would fail to start with " + first.kind().ecsError() + ".");
                } else {
                    String unknown = first.isResourceKnown() ? "" : " " + first.unknownReason() + ";";
                    draft.severity(Severity.INFO).message(message + "if it stays so the task fails to start with "
                            + first.kind().ecsError() + "." + (unknown.isEmpty() ? "" : " Not certain:" + unknown
                            + " granted only if the role's policies match the value it takes."));
                }
            }
        }
    }
}
