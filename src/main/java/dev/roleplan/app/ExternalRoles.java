package dev.roleplan.app;

import dev.roleplan.config.Config;
import dev.roleplan.iam.PolicyParser;
import dev.roleplan.model.Address;
import dev.roleplan.model.AttachedPolicy;
import dev.roleplan.model.PolicySource;
import dev.roleplan.model.Role;
import dev.roleplan.model.RoleRef;
import dev.roleplan.model.RoleStatus;
import dev.roleplan.model.SourceLocation;
import dev.roleplan.model.TaskDefinition;
import dev.roleplan.model.Value;
import dev.roleplan.resolve.ManagedPolicyLookup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gives the roles that live outside the input (status external) the policies the configuration describes
 * for them under {@code external-roles}, so their permissions are analysed like any other role's. A role
 * is matched by ARN, or by name when the task definition names it without an ARN.
 */
public final class ExternalRoles {

    private final Map<String, Role> byArn = new TreeMap<>();
    private final Map<String, Role> byName = new TreeMap<>();
    private final String source;

    public ExternalRoles(List<Config.ExternalRole> configured, String source, ManagedPolicyLookup managed) {
        this.source = source;
        for (Config.ExternalRole spec : configured) {
            Role role = role(spec, managed);
            byArn.put(spec.arn(), role);
            byName.putIfAbsent(name(spec.arn()), role);
        }
    }

    /** The model with every external role the configuration describes linked to its described policies. */
    public dev.roleplan.model.Model link(dev.roleplan.model.Model model) {
        if (byArn.isEmpty()) {
            return model;
        }
        List<TaskDefinition> tds = new ArrayList<>();
        List<Role> roles = new ArrayList<>(model.roles());
        for (TaskDefinition td : model.taskDefinitions()) {
            RoleRef exec = link(td.executionRole(), roles);
            RoleRef task = link(td.taskRole(), roles);
            tds.add(new TaskDefinition(td.address(), td.family(), td.containers(), td.volumes(), exec, task, td.change(),
                    td.location(), td.problems()));
        }
        return new dev.roleplan.model.Model(model.inputs(), tds, roles, model.services(), model.context(), model.notices(),
                model.sensitiveValues(), model.storedSecrets(), model.before());
    }

    private RoleRef link(RoleRef ref, List<Role> roles) {
        if (ref.status() != RoleStatus.EXTERNAL || ref.arn() == null) {
            return ref;
        }
        Role role = ref.arn().startsWith("arn:") ? byArn.get(ref.arn()) : byName.get(ref.arn());
        if (role == null) {
            return ref;
        }
        if (!roles.contains(role)) {
            roles.add(role);
        }
        return new RoleRef(ref.kind(), RoleStatus.RESOLVED, role, role.arn().orNull(),
                "described in " + source + " (external-roles)");
    }

    private Role role(Config.ExternalRole spec, ManagedPolicyLookup managed) {
        List<AttachedPolicy> policies = new ArrayList<>();
        for (Config.ExternalPolicy p : spec.policies()) {
            SourceLocation where = new SourceLocation(source, 0);
            if (p.document() != null) {
                policies.add(new AttachedPolicy(p.place(), PolicySource.CUSTOMER_MANAGED, null, null, null, null,
                        Value.known(PolicyParser.parse(p.document())), where));
            } else if (ManagedPolicyLookup.isAwsManaged(p.arn())) {
                policies.add(new AttachedPolicy(p.arn(), PolicySource.AWS_MANAGED, null, null, p.arn(), name(p.arn()),
                        managed.find(p.arn()).<Value<dev.roleplan.model.PolicyDocument>>map(Value::known).orElse(Value.absent()),
                        where));
            } else {
                // A customer-managed policy named only by ARN: its document is not in the input (RP104 says so).
                policies.add(new AttachedPolicy(p.arn(), PolicySource.EXTERNAL, null, null, p.arn(), name(p.arn()),
                        Value.absent(), where));
            }
        }
        return new Role(Address.of(spec.arn()), Value.known(name(spec.arn())), Value.known(spec.arn()), Value.absent(),
                policies, null, new SourceLocation(source, 0));
    }

    private static String name(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

}
