package dev.roleplan.rules.capability;

import dev.roleplan.engine.Reporter;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.engine.RuleInfo;
import dev.roleplan.engine.Severity;
import dev.roleplan.model.RoleKind;

@RuleInfo(id = "RP402", severity = Severity.HIGH,
        summary = "The role can read credentials or secrets without a resource bound",
        description = "Actions such as secretsmanager:GetSecretValue, ssm:GetParameter*, kms:Decrypt, iam:CreateAccessKey "
                + "or sts:AssumeRole on \"*\" hand every secret, parameter or assumable role in the account to code in the "
                + "task. Bound them to the secrets, parameters, keys and roles the task uses. ecr:GetAuthorizationToken is "
                + "reported only on the task role: the execution role needs it to pull images.")
public final class CredentialsExposure implements Rule {

    @Override
    public void check(RuleContext context, Reporter reporter) {
        UnboundedActions.report(context, reporter, RiskLists.get().credentials(),
                (kind, action) -> kind == RoleKind.EXECUTION && action.equalsIgnoreCase("ecr:GetAuthorizationToken"),
                "read credentials or secrets");
    }
}
