package dev.roleplan.rules;

import dev.roleplan.engine.Rule;
import dev.roleplan.rules.capability.CredentialsExposure;
import dev.roleplan.rules.capability.DataExfiltration;
import dev.roleplan.rules.capability.PrivilegeEscalation;
import dev.roleplan.rules.capability.ResourceExposure;
import dev.roleplan.rules.privilege.AllowWithNotActionOrNotResource;
import dev.roleplan.rules.privilege.AllowsAllActions;
import dev.roleplan.rules.privilege.AllowsResourceWildcard;
import dev.roleplan.rules.privilege.AllowsServiceWildcard;
import dev.roleplan.rules.privilege.BroadManagedPolicyAttached;
import dev.roleplan.rules.roles.ExecutionRoleGrantsApplicationPermissions;
import dev.roleplan.rules.roles.RoleNotAssumableByEcsTasks;
import dev.roleplan.rules.roles.RoleNotResolved;
import dev.roleplan.rules.roles.RoleTrustsOtherPrincipals;
import dev.roleplan.rules.roles.SameTaskAndExecutionRole;
import dev.roleplan.rules.validity.ConditionOperatorMismatch;
import dev.roleplan.rules.validity.InvalidOrDuplicateSid;
import dev.roleplan.rules.validity.MalformedPolicy;
import dev.roleplan.rules.validity.RedundantStatement;
import dev.roleplan.rules.validity.ResourceTypeMismatch;
import dev.roleplan.rules.validity.UnknownAction;
import dev.roleplan.rules.validity.UnknownConditionKey;

import java.util.List;

/** Every built-in rule, one line each, sorted by id (a test keeps it so). */
public final class BuiltInRules {

    private BuiltInRules() {
    }

    public static List<Rule> all() {
        return List.of(
                new SameTaskAndExecutionRole(),          // RP101
                new ExecutionRoleGrantsApplicationPermissions(), // RP102
                new RoleNotResolved(),                   // RP104
                new RoleNotAssumableByEcsTasks(),        // RP105
                new RoleTrustsOtherPrincipals(),         // RP107
                new AllowsAllActions(),                  // RP301
                new AllowsServiceWildcard(),             // RP302
                new AllowsResourceWildcard(),            // RP303
                new AllowWithNotActionOrNotResource(),   // RP304
                new BroadManagedPolicyAttached(),        // RP305
                new PrivilegeEscalation(),               // RP401
                new CredentialsExposure(),               // RP402
                new DataExfiltration(),                  // RP403
                new ResourceExposure(),                  // RP404
                new UnknownAction(),                     // RP501
                new ResourceTypeMismatch(),              // RP502
                new MalformedPolicy(),                   // RP503
                new RedundantStatement(),                // RP504
                new UnknownConditionKey(),               // RP505
                new ConditionOperatorMismatch(),         // RP506
                new InvalidOrDuplicateSid()              // RP507
        );
    }
}
