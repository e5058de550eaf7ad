package dev.roleplan.rules.capability;

import dev.roleplan.engine.Reporter;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.engine.RuleInfo;
import dev.roleplan.engine.Severity;
import dev.roleplan.model.RoleKind;
import dev.roleplan.rules.roles.ExecutionRoleGrantsApplicationPermissions;

@RuleInfo(id = "RP403", severity = Severity.MEDIUM,
        summary = "The role can read data without a resource bound",
        description = "s3:GetObject, dynamodb:Scan, dynamodb:GetItem and similar reads on \"*\" let code in the task read "
                + "every bucket and table in the account, not just the application's. Bound the reads to the buckets "
                + "and tables the task uses. On the execution role, s3:GetObject (environment files) is judged by "
                + "RP201/RP202, which know which objects the containers read.")
public final class DataExfiltration implements Rule {

    @Override
    public void check(RuleContext context, Reporter reporter) {
        UnboundedActions.report(context, reporter, RiskLists.get().dataReads(),
                (kind, action) -> kind == RoleKind.EXECUTION && ExecutionRoleGrantsApplicationPermissions.isPlatformAction(action),
                "read data");
    }
}
