package dev.roleplan.rules;

import dev.roleplan.engine.Rule;
import dev.roleplan.rules.guardrails.GuardrailAccessGranted;
import dev.roleplan.rules.privilege.AllowWithNotActionOrNotResource;
import dev.roleplan.rules.privilege.AllowsAllActions;
import dev.roleplan.rules.privilege.AllowsServiceWildcard;
import dev.roleplan.rules.roles.RoleNotAssumableByEcsTasks;
import dev.roleplan.rules.roles.RoleNotResolved;
import dev.roleplan.rules.roles.RoleTrustsOtherPrincipals;
import dev.roleplan.rules.roles.SameTaskAndExecutionRole;

import java.util.List;

/** Every built-in rule, one line each, sorted by id (a test keeps it so). */
public final class BuiltInRules {

    private BuiltInRules() {
    }

    public static List<Rule> all() {
        return List.of(
                new SameTaskAndExecutionRole(),          // RP101
                new RoleNotResolved(),                   // RP104
                new RoleNotAssumableByEcsTasks(),        // RP105
                new RoleTrustsOtherPrincipals(),         // RP107
                new AllowsAllActions(),                  // RP301
                new AllowsServiceWildcard(),             // RP302
                new AllowWithNotActionOrNotResource(),   // RP304
                new GuardrailAccessGranted()             // RP901 (guardrails come from the configuration)
        );
    }
}
