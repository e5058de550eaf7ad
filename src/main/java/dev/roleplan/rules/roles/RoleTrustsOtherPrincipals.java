package dev.roleplan.rules.roles;

import dev.roleplan.engine.Reporter;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.engine.RuleInfo;
import dev.roleplan.engine.Severity;
import dev.roleplan.iam.TrustPolicies;
import dev.roleplan.model.PolicyDocument;
import dev.roleplan.rules.RoleUse;

@RuleInfo(id = "RP107", severity = Severity.HIGH,
        summary = "The role's trust policy lets principals other than ecs-tasks.amazonaws.com assume it",
        description = "A role used by a task definition should be assumable by ECS tasks only. Any other service, "
                + "account, role, federated identity or \"*\" in its trust policy can obtain the task's permissions "
                + "outside ECS. Anyone (\"*\", or Allow with NotPrincipal) is critical. Keep a dedicated role per use "
                + "and trust only {\"Service\": \"ecs-tasks.amazonaws.com\"}.")
public final class RoleTrustsOtherPrincipals implements Rule {

    @Override
    public void check(RuleContext context, Reporter reporter) {
        for (RoleUse use : RoleUse.resolved(context.model())) {
            PolicyDocument trust = use.role().trustPolicy().orNull();
            if (trust == null) {
                continue;
            }
            for (TrustPolicies.Grant grant : TrustPolicies.otherPrincipals(trust)) {
                reporter.at(use.taskDefinition()).role(use.ref()).policy("assume_role_policy").statement(grant.statement())
                        .key(grant.type() + ":" + grant.identifier())
                        .severity(grant.isAnyone() ? Severity.CRITICAL : Severity.HIGH)
                        .message("The trust policy of " + use.ref().display() + " (" + use.kind().label() + " role of "
                                + use.taskDefinition().address() + ") lets " + grant.display() + " assume it"
                                + (grant.statement().hasConditions() ? " (under conditions)" : "") + ".");
            }
        }
    }
}
