package dev.roleplan.ecs;

import dev.roleplan.model.AccountContext;
import dev.roleplan.model.RoleKind;
import dev.roleplan.model.TaskDefinition;

/**
 * Where a task runs, as far as the input tells: partition, region and account. A part the input does not
 * tell is the matching {@code ${unknown:...}} marker, with the reason kept for the requirement.
 */
record TaskPlace(String partition, String region, String account, String regionReason, String accountReason) {

    static TaskPlace of(TaskDefinition td, AccountContext context) {
        AccountContext ctx = context == null ? AccountContext.unknown() : context;
        String region = ctx.region().orNull();
        String account = ctx.account().orNull();
        String accountReason = null;
        if (account == null) {
            // ECS accepts only roles of the task's own account, so a known role ARN tells the account.
            account = roleArnAccount(td);
        }
        if (account == null) {
            accountReason = "the account is not known from the input (no caller identity, no account in the roles' ARNs)";
            account = Requirement.UNKNOWN_ACCOUNT;
        }
        String regionReason = null;
        if (region == null) {
            regionReason = "the task's region is not known from the input (no provider region)";
            region = Requirement.UNKNOWN_REGION;
        }
        String partition = ctx.partition().orNull();
        if (partition == null) {
            partition = Arns.partitionOfRegion(regionReason == null ? region : null, roleArnPartition(td));
        }
        return new TaskPlace(partition, region, account, regionReason, accountReason);
    }

    /** The reason for whichever of region and account are unknown, or null when both are known. */
    String reason(boolean usesRegion, boolean usesAccount) {
        String r = usesRegion ? regionReason : null;
        String a = usesAccount ? accountReason : null;
        if (r == null) {
            return a;
        }
        return a == null ? r : r + "; " + a;
    }

    private static String roleArnAccount(TaskDefinition td) {
        for (RoleKind k : RoleKind.values()) {
            Arns.Parsed arn = Arns.parse(td.role(k).arn());
            if (arn != null && arn.account().matches("\\d{12}")) {
                return arn.account();
            }
        }
        return null;
    }

    private static String roleArnPartition(TaskDefinition td) {
        for (RoleKind k : RoleKind.values()) {
            Arns.Parsed arn = Arns.parse(td.role(k).arn());
            if (arn != null) {
                return arn.partition();
            }
        }
        return null;
    }
}
