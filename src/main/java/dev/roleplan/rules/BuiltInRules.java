package dev.roleplan.rules;

import dev.roleplan.engine.Rule;
import dev.roleplan.rules.containers.PlaintextSecretInEnvironment;
import dev.roleplan.rules.ecs.ExecutionRoleGrantsMoreThanRequired;
import dev.roleplan.rules.ecs.ExecutionRoleMissing;
import dev.roleplan.rules.ecs.ExecutionRoleMissingRequiredPermission;
import dev.roleplan.rules.ecs.TaskRoleGrantsExecutionPermissions;
import dev.roleplan.rules.ecs.TaskRoleMissingRequiredPermission;
import dev.roleplan.rules.privilege.AllowWithNotActionOrNotResource;
import dev.roleplan.rules.privilege.AllowsAllActions;
import dev.roleplan.rules.privilege.AllowsServiceWildcard;
import dev.roleplan.rules.roles.ExecutionRoleGrantsApplicationPermissions;
import dev.roleplan.rules.roles.RoleNotAssumableByEcsTasks;
import dev.roleplan.rules.roles.RoleNotResolved;
import dev.roleplan.rules.roles.RoleTrustsOtherPrincipals;
import dev.roleplan.rules.roles.SameTaskAndExecutionRole;
import dev.roleplan.rules.roles.TaskRoleTrustWithoutSourceConditions;

import java.util.List;

/** Every built-in rule, one line each, sorted by id (a test keeps it so). */
public final class BuiltInRules {

    private BuiltInRules() {
    }

    public static List<Rule> all() {
        return List.of(
                new SameTaskAndExecutionRole(),          // RP101
                new ExecutionRoleGrantsApplicationPermissions(), // RP102
                new ExecutionRoleMissing(),              // RP103
                new RoleNotResolved(),                   // RP104
                new RoleNotAssumableByEcsTasks(),        // RP105
                new TaskRoleTrustWithoutSourceConditions(), // RP106
                new RoleTrustsOtherPrincipals(),         // RP107
                new TaskRoleGrantsExecutionPermissions(), // RP108
                new ExecutionRoleMissingRequiredPermission(), // RP201
                new ExecutionRoleGrantsMoreThanRequired(), // RP202
                new TaskRoleMissingRequiredPermission(), // RP203
                new AllowsAllActions(),                  // RP301
                new AllowsServiceWildcard(),             // RP302
                new AllowWithNotActionOrNotResource(),   // RP304
                new PlaintextSecretInEnvironment()       // RP601
        );
    }
}
