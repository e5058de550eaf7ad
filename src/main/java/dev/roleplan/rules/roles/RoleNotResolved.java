package dev.roleplan.rules.roles;

import dev.roleplan.engine.Reporter;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.engine.RuleInfo;
import dev.roleplan.engine.Severity;
import dev.roleplan.model.AttachedPolicy;
import dev.roleplan.model.PolicySource;
import dev.roleplan.model.RoleKind;
import dev.roleplan.model.RoleRef;
import dev.roleplan.model.RoleStatus;
import dev.roleplan.model.TaskDefinition;
import dev.roleplan.model.Value;

@RuleInfo(id = "RP104", severity = Severity.INFO,
        summary = "A role or one of its policies cannot be resolved from the input",
        description = "The role is named by an ARN or name that the input does not define, or its value is known only "
                + "after apply and the configuration does not say where it comes from, or one of its policies cannot be "
                + "read. roleplan analyses what it can and says what it could not, so that a clean result is never "
                + "mistaken for a complete one. Define the role in the same configuration, reference it as "
                + "aws_iam_role.NAME.arn, or list external roles and their policies in .roleplan.yml.")
public final class RoleNotResolved implements Rule {

    @Override
    public void check(RuleContext context, Reporter reporter) {
        for (TaskDefinition td : context.model().taskDefinitions()) {
            for (RoleKind kind : RoleKind.values()) {
                RoleRef ref = td.role(kind);
                if (ref.status() == RoleStatus.EXTERNAL || ref.status() == RoleStatus.UNKNOWN) {
                    reporter.at(td).role(ref).message("The " + kind.label() + " role of " + td.address() + " is "
                            + ref.status().label() + ": " + ref.reason() + ". Its permissions are not analysed.");
                } else if (ref.isResolved()) {
                    reportUnreadable(reporter, td, ref);
                }
            }
        }
    }

    private static void reportUnreadable(Reporter reporter, TaskDefinition td, RoleRef ref) {
        if (ref.role().trustPolicy() instanceof Value.Unknown<?> u) {
            reporter.at(td).role(ref).policy("assume_role_policy").message("The trust policy of " + ref.display()
                    + " (" + ref.kind().label() + " role of " + td.address() + ") is unknown before apply: " + u.reason() + ".");
        }
        for (AttachedPolicy p : ref.role().policies()) {
            if (p.document().isKnown()) {
                continue;
            }
            String why = p.document() instanceof Value.Unknown<?> u ? "it is unknown before apply: " + u.reason()
                    : p.source() == PolicySource.AWS_MANAGED ? "it is not in roleplan's bundled catalog of AWS-managed policies"
                    : "it is not defined in this input";
            reporter.at(td).role(ref).policy(p).message("Policy " + p.id() + " of " + ref.display() + " ("
                    + ref.kind().label() + " role of " + td.address() + ") cannot be read: " + why
                    + ". What it grants is not analysed.");
        }
        AttachedPolicy boundary = ref.role().boundary();
        if (boundary != null && !boundary.document().isKnown()) {
            reporter.at(td).role(ref).policy(boundary).message("The permissions boundary " + boundary.id() + " of "
                    + ref.display() + " cannot be read, so roleplan cannot tell how it limits the role.");
        }
    }
}
