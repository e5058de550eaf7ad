package dev.roleplan.rules;

import dev.roleplan.engine.FactKey;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.iam.ActionCatalog;
import dev.roleplan.iam.EffectivePermissions;
import dev.roleplan.iam.NamedPolicy;
import dev.roleplan.model.AttachedPolicy;
import dev.roleplan.model.PolicyDocument;
import dev.roleplan.model.Role;

import java.util.ArrayList;
import java.util.List;

/** A role's effective permissions, computed once per run however many rules ask. */
public final class Permissions {

    private Permissions() {
    }

    public static EffectivePermissions of(RuleContext context, Role role) {
        return context.cached(new FactKey("effective-permissions", role), k -> compute(role));
    }

    private static EffectivePermissions compute(Role role) {
        List<NamedPolicy> identity = new ArrayList<>();
        for (AttachedPolicy p : role.policies()) {
            PolicyDocument doc = p.document().orNull();
            if (doc != null) {
                identity.add(new NamedPolicy(p.id(), doc));
            }
        }
        NamedPolicy boundary = null;
        if (role.boundary() != null && role.boundary().document().isKnown()) {
            boundary = new NamedPolicy(role.boundary().id(), role.boundary().document().orNull());
        }
        return EffectivePermissions.of(identity, boundary, ActionCatalog.get());
    }
}
