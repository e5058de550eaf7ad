package dev.roleplan.rules.capability;

import dev.roleplan.engine.Reporter;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.engine.RuleInfo;
import dev.roleplan.engine.Severity;
import dev.roleplan.iam.AccessLevel;
import dev.roleplan.iam.EffectivePermissions;
import dev.roleplan.rules.Permissions;
import dev.roleplan.rules.RoleUse;
import dev.roleplan.rules.Texts;

import java.util.ArrayList;
import java.util.List;

@RuleInfo(id = "RP404", severity = Severity.HIGH,
        summary = "The role can change who has access to resources (permissions management on \"*\")",
        description = "Actions at the Permissions management access level (s3:PutBucketPolicy, kms:PutKeyPolicy, "
                + "secretsmanager:PutResourcePolicy, sqs:AddPermission, iam:* policy edits ...) allowed on \"*\" let code "
                + "in the task open any bucket, key, secret or queue to other accounts or the public. Remove them, or "
                + "bound them to the resources the task administers.")
public final class ResourceExposure implements Rule {

    @Override
    public void check(RuleContext context, Reporter reporter) {
        for (RoleUse use : RoleUse.resolved(context.model())) {
            EffectivePermissions perms = Permissions.of(context, use.role());
            List<String> found = new ArrayList<>();
            for (EffectivePermissions.Grant g : perms.grants().values()) {
                if (g.unbounded() && g.info().accessLevel() == AccessLevel.PERMISSIONS_MANAGEMENT) {
                    found.add(g.action());
                }
            }
            if (found.isEmpty()) {
                continue;
            }
            reporter.at(use.taskDefinition()).role(use.ref())
                    .message("The " + use.kind().label() + " role can change resource permissions on every resource (\"*\", "
                            + "no conditions) with " + Texts.count(found.size(), "permissions-management action") + ": "
                            + Texts.compact(found) + ".");
        }
    }
}
