package dev.roleplan.rules.privilege;

import dev.roleplan.engine.Reporter;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.engine.RuleInfo;
import dev.roleplan.engine.Severity;
import dev.roleplan.rules.PolicyStatement;
import dev.roleplan.rules.RoleUse;
import dev.roleplan.rules.StatementActions;

@RuleInfo(id = "RP301", severity = Severity.CRITICAL,
        summary = "An Allow statement grants every action (\"Action\": \"*\")",
        description = "A statement that allows \"*\" gives the role administrator power over everything its resources "
                + "cover. No ECS task needs it. List the actions the task uses instead.")
public final class AllowsAllActions implements Rule {

    @Override
    public void check(RuleContext context, Reporter reporter) {
        for (RoleUse use : RoleUse.resolved(context.model())) {
            for (PolicyStatement ps : PolicyStatement.authoredAllows(use.role())) {
                if (StatementActions.namesAllActions(ps.statement())) {
                    reporter.at(use.taskDefinition()).role(use.ref()).policy(ps.policy()).statement(ps.statement())
                            .message("Statement " + ps.statement().label() + " of " + ps.policy().id() + " allows every action (\"*\").");
                }
            }
        }
    }
}
