package dev.roleplan.rules.privilege;

import dev.roleplan.engine.Reporter;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.engine.RuleInfo;
import dev.roleplan.engine.Severity;
import dev.roleplan.model.Statement;
import dev.roleplan.rules.PolicyStatement;
import dev.roleplan.rules.RoleUse;

@RuleInfo(id = "RP304", severity = Severity.HIGH,
        summary = "An Allow statement uses NotAction or NotResource",
        description = "Allow with NotAction grants every action except the listed ones, including every action AWS "
                + "adds in the future; Allow with NotResource grants on every resource except the listed ones. Both "
                + "grant far more than they appear to. Use Action and Resource lists; use a Deny statement to carve "
                + "out exceptions.")
public final class AllowWithNotActionOrNotResource implements Rule {

    @Override
    public void check(RuleContext context, Reporter reporter) {
        for (RoleUse use : RoleUse.resolved(context.model())) {
            for (PolicyStatement ps : PolicyStatement.authoredAllows(use.role())) {
                Statement s = ps.statement();
                boolean notAction = s.actions() != null && s.actions().negated();
                boolean notResource = s.resources() != null && s.resources().negated();
                if (!notAction && !notResource) {
                    continue;
                }
                String what = notAction && notResource ? "NotAction and NotResource" : notAction ? "NotAction" : "NotResource";
                reporter.at(use.taskDefinition()).role(use.ref()).policy(ps.policy()).statement(s)
                        .message("Statement " + s.label() + " of " + ps.policy().id() + " allows with " + what
                                + ": it grants everything it does not list.");
            }
        }
    }
}
