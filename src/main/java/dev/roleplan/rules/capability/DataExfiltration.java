package dev.roleplan.rules.capability;

import dev.roleplan.engine.Reporter;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.engine.RuleInfo;
import dev.roleplan.engine.Severity;

@RuleInfo(id = "RP403", severity = Severity.MEDIUM,
        summary = "The role can read data without a resource bound",
        description = "s3:GetObject, dynamodb:Scan, dynamodb:GetItem and similar reads on \"*\" let code in the task read "
                + "every bucket and table in the account, not just the application's. Bound the reads to the buckets "
                + "and tables the task uses.")
public final class DataExfiltration implements Rule {

    @Override
    public void check(RuleContext context, Reporter reporter) {
        UnboundedActions.report(context, reporter, RiskLists.get().dataReads(), (kind, action) -> false,
                "read data");
    }
}
