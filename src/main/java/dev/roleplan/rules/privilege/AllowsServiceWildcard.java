package dev.roleplan.rules.privilege;

import dev.roleplan.engine.Reporter;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.engine.RuleInfo;
import dev.roleplan.engine.Severity;
import dev.roleplan.rules.PolicyStatement;
import dev.roleplan.rules.RoleUse;

@RuleInfo(id = "RP302", severity = Severity.HIGH,
        summary = "An Allow statement grants a whole service (\"s3:*\", \"iam:*\")",
        description = "A whole-service wildcard grants every action of the service, including ones added later, "
                + "permissions management among them (s3:PutBucketPolicy, iam:*). List the actions the task uses.")
public final class AllowsServiceWildcard implements Rule {

    @Override
    public void check(RuleContext context, Reporter reporter) {
        for (RoleUse use : RoleUse.resolved(context.model())) {
            for (PolicyStatement ps : PolicyStatement.authoredAllows(use.role())) {
                var actions = ps.statement().actions();
                if (actions == null || actions.negated()) {
                    continue;
                }
                for (String action : actions.values()) {
                    if (isServiceWildcard(action)) {
                        reporter.at(use.taskDefinition()).role(use.ref()).policy(ps.policy()).statement(ps.statement())
                                .key(action.toLowerCase(java.util.Locale.ROOT))
                                .message("Statement " + ps.statement().label() + " of " + ps.policy().id() + " allows \"" + action
                                        + "\", every action of the service.");
                    }
                }
            }
        }
    }

    /** {@code service:*} exactly; {@code *} alone is RP301. */
    static boolean isServiceWildcard(String action) {
        int colon = action.indexOf(':');
        return colon > 0 && action.substring(colon + 1).equals("*") && action.indexOf('*') == colon + 1;
    }
}
