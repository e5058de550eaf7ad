package dev.roleplan.rules.privilege;

import dev.roleplan.engine.Reporter;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.engine.RuleInfo;
import dev.roleplan.engine.Severity;
import dev.roleplan.iam.ActionInfo;
import dev.roleplan.model.Patterns;
import dev.roleplan.model.RoleKind;
import dev.roleplan.rules.PolicyStatement;
import dev.roleplan.rules.RoleUse;
import dev.roleplan.rules.StatementActions;
import dev.roleplan.rules.Texts;
import dev.roleplan.rules.roles.ExecutionRoleGrantsApplicationPermissions;

import java.util.ArrayList;
import java.util.List;

@RuleInfo(id = "RP303", severity = Severity.MEDIUM,
        summary = "An Allow statement grants, on \"Resource\": \"*\", actions that support resource-level permissions",
        description = "When an action can be limited to specific resources, \"Resource\": \"*\" grants it on every "
                + "bucket, queue, secret or table in the account, present and future. Name the resources (ARNs, or ARN "
                + "patterns such as arn:aws:s3:::assets/*). Actions that accept only \"*\" (ecr:GetAuthorizationToken, "
                + "s3:ListAllMyBuckets) are not reported; on an execution role the platform actions are judged by "
                + "RP201/RP202 instead.")
public final class AllowsResourceWildcard implements Rule {

    @Override
    public void check(RuleContext context, Reporter reporter) {
        for (RoleUse use : RoleUse.resolved(context.model())) {
            for (PolicyStatement ps : PolicyStatement.authoredAllows(use.role())) {
                Patterns resources = ps.statement().resources();
                if (resources == null || resources.negated() || !resources.values().contains("*")) {
                    continue;
                }
                List<ActionInfo> actions = StatementActions.expand(ps.statement());
                if (actions == null) {
                    continue;
                }
                List<String> scoped = new ArrayList<>();
                for (ActionInfo a : actions) {
                    if (!a.isWildcardOnly() && !(use.kind() == RoleKind.EXECUTION
                            && ExecutionRoleGrantsApplicationPermissions.isPlatformAction(a.fullName()))) {
                        scoped.add(a.fullName());
                    }
                }
                if (scoped.isEmpty()) {
                    continue;
                }
                reporter.at(use.taskDefinition()).role(use.ref()).policy(ps.policy()).statement(ps.statement())
                        .message(Texts.statement(ps) + " allows " + Texts.count(scoped.size(), "action")
                                + " on \"*\" that can be limited to specific resources: " + Texts.compact(scoped) + ".");
            }
        }
    }

}
