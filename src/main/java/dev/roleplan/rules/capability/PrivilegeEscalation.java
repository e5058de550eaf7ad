package dev.roleplan.rules.capability;

import dev.roleplan.engine.Reporter;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.engine.RuleInfo;
import dev.roleplan.engine.Severity;
import dev.roleplan.iam.EffectivePermissions;
import dev.roleplan.rules.Permissions;
import dev.roleplan.rules.RoleUse;
import dev.roleplan.rules.Texts;

import java.util.ArrayList;
import java.util.List;

@RuleInfo(id = "RP401", severity = Severity.CRITICAL,
        summary = "The role can escalate its privileges",
        description = "Some actions let a principal give itself more power: rewrite or attach policies "
                + "(iam:CreatePolicyVersion, iam:AttachRolePolicy, iam:PutRolePolicy), change who may assume a role "
                + "(iam:UpdateAssumeRolePolicy), mint credentials (iam:CreateAccessKey), or pass a more privileged role "
                + "to compute it controls (iam:PassRole on \"*\" with ecs:RegisterTaskDefinition and ecs:RunTask, or with "
                + "lambda:CreateFunction). Code running in the task inherits that path to administrator. Judged on the "
                + "role's effective permissions, managed policies included; the methods come from cloudsplaining and "
                + "pathfinding.cloud. Remove the actions, or bound iam:PassRole to the roles the task must pass with an "
                + "iam:PassedToService condition.")
public final class PrivilegeEscalation implements Rule {

    @Override
    public void check(RuleContext context, Reporter reporter) {
        List<RiskLists.Method> methods = RiskLists.get().escalations();
        for (RoleUse use : RoleUse.resolved(context.model())) {
            EffectivePermissions perms = Permissions.of(context, use.role());
            List<String> found = new ArrayList<>();
            for (RiskLists.Method m : methods) {
                if (m.actions().stream().allMatch(perms::allowsUnbounded)) {
                    found.add(m.label());
                }
            }
            if (found.isEmpty()) {
                continue;
            }
            reporter.at(use.taskDefinition()).role(use.ref())
                    .message("The " + use.kind().label() + " role can escalate its privileges by "
                            + Texts.count(found.size(), "known method") + " (actions allowed on \"*\" without conditions): "
                            + String.join("; ", found.subList(0, Math.min(found.size(), Texts.LIST_LIMIT)))
                            + (found.size() > Texts.LIST_LIMIT ? " and " + (found.size() - Texts.LIST_LIMIT) + " more" : "")
                            + ".");
        }
    }
}
