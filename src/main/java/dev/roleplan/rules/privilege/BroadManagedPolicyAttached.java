package dev.roleplan.rules.privilege;

import dev.roleplan.engine.Reporter;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.engine.RuleInfo;
import dev.roleplan.engine.Severity;
import dev.roleplan.model.AttachedPolicy;
import dev.roleplan.model.PolicySource;
import dev.roleplan.rules.RoleUse;

@RuleInfo(id = "RP305", severity = Severity.CRITICAL,
        summary = "A broad AWS-managed policy is attached (AdministratorAccess, PowerUserAccess, IAMFullAccess, *FullAccess)",
        description = "AWS-managed policies are written for every customer, so the broad ones grant whole services or "
                + "the whole account: AdministratorAccess is every action on every resource (critical); PowerUserAccess, "
                + "IAMFullAccess and the *FullAccess policies grant every action of one or more services (high). No ECS "
                + "task needs them. Replace the attachment with a customer-managed policy that lists the actions and "
                + "resources the task uses.")
public final class BroadManagedPolicyAttached implements Rule {

    @Override
    public void check(RuleContext context, Reporter reporter) {
        for (RoleUse use : RoleUse.resolved(context.model())) {
            for (AttachedPolicy p : use.role().policies()) {
                if (p.source() != PolicySource.AWS_MANAGED) {
                    continue;
                }
                String name = name(p);
                Severity severity = severity(name);
                if (severity == null) {
                    continue;
                }
                String what = name.equals("AdministratorAccess") ? "every action on every resource"
                        : name.equals("PowerUserAccess") ? "every action except most of IAM and Organizations"
                        : name.startsWith("AdministratorAccess-") ? "administrator access to a whole service"
                        : "every action of the services it covers";
                reporter.at(use.taskDefinition()).role(use.ref()).policy(p).severity(severity)
                        .message("The AWS-managed policy " + name + " is attached; it grants " + what + ".");
            }
        }
    }

    /** The severity for a managed policy name, or null when the policy is not a broad one. */
    static Severity severity(String name) {
        if (name.equals("AdministratorAccess")) {
            return Severity.CRITICAL;
        }
        if (name.startsWith("AdministratorAccess-") || name.equals("PowerUserAccess") || name.equals("IAMFullAccess")
                || name.endsWith("FullAccess")) {
            return Severity.HIGH;
        }
        return null;
    }

    private static String name(AttachedPolicy p) {
        if (p.name() != null) {
            return p.name();
        }
        String arn = p.arn() != null ? p.arn() : p.id();
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
