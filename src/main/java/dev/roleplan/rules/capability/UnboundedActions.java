package dev.roleplan.rules.capability;

import dev.roleplan.engine.Reporter;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.iam.EffectivePermissions;
import dev.roleplan.model.RoleKind;
import dev.roleplan.rules.Permissions;
import dev.roleplan.rules.RoleUse;
import dev.roleplan.rules.Texts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiPredicate;

/** Shared body of RP402-RP404: report, per role use, the risky actions the role may perform on "*". */
final class UnboundedActions {

    private UnboundedActions() {
    }

    /**
     * @param candidates the risky actions, canonical names
     * @param exempt     (kind, action) pairs a role of that kind legitimately holds unbounded
     * @param what       how the message names the capability, e.g. "read credentials or secrets"
     */
    static void report(RuleContext context, Reporter reporter, Collection<String> candidates,
                       BiPredicate<RoleKind, String> exempt, String what) {
        for (RoleUse use : RoleUse.resolved(context.model())) {
            EffectivePermissions perms = Permissions.of(context, use.role());
            List<String> found = new ArrayList<>();
            for (String action : candidates) {
                if (perms.allowsUnbounded(action) && !exempt.test(use.kind(), action)) {
                    found.add(action);
                }
            }
            if (found.isEmpty()) {
                continue;
            }
            reporter.at(use.taskDefinition()).role(use.ref())
                    .message("The " + use.kind().label() + " role can " + what + " on every resource (\"*\", no conditions): "
                            + Texts.compact(found) + ".");
        }
    }
}
