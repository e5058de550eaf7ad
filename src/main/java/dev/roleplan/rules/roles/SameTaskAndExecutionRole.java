package dev.roleplan.rules.roles;

import dev.roleplan.engine.Reporter;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.engine.RuleInfo;
import dev.roleplan.engine.Severity;
import dev.roleplan.model.RoleRef;
import dev.roleplan.model.RoleStatus;
import dev.roleplan.model.TaskDefinition;

@RuleInfo(id = "RP101", severity = Severity.HIGH,
        summary = "The task role and the execution role are the same IAM role",
        description = "The execution role is used by the ECS agent to pull images, ship logs and fetch secrets before "
                + "the application starts; the task role is what the application itself runs as. When one role serves "
                + "both, the application can read every secret of the task definition and pull any image, and the "
                + "platform permissions cannot be reviewed apart from the application's. Create two roles.")
public final class SameTaskAndExecutionRole implements Rule {

    @Override
    public void check(RuleContext context, Reporter reporter) {
        for (TaskDefinition td : context.model().taskDefinitions()) {
            RoleRef exec = td.executionRole();
            RoleRef task = td.taskRole();
            if (sameRole(exec, task)) {
                reporter.at(td).role(exec).message("Task definition " + td.address() + " uses " + exec.display()
                        + " as both its execution role and its task role.");
            }
        }
    }

    /** Same resource, or the same role once literal ARNs and names are normalised. */
    static boolean sameRole(RoleRef a, RoleRef b) {
        if (a.status() == RoleStatus.ABSENT || b.status() == RoleStatus.ABSENT
                || a.status() == RoleStatus.UNKNOWN || b.status() == RoleStatus.UNKNOWN) {
            return false;
        }
        if (a.address() != null && b.address() != null) {
            return a.address().equals(b.address());
        }
        String arnA = a.arn();
        String arnB = b.arn();
        if (arnA != null && arnB != null && arnA.startsWith("arn:") && arnB.startsWith("arn:")) {
            // A role name is unique within its account, whatever its path.
            return account(arnA).equals(account(arnB)) && name(arnA).equals(name(arnB));
        }
        String na = name(a);
        String nb = name(b);
        return na != null && na.equals(nb);
    }

    private static String name(RoleRef ref) {
        if (ref.arn() != null) {
            return name(ref.arn());
        }
        return ref.role() == null ? null : ref.role().name().orNull();
    }

    /** The role name in an ARN (last path segment), or the text itself when it is a bare name. */
    private static String name(String arnOrName) {
        if (!arnOrName.startsWith("arn:")) {
            return arnOrName;
        }
        return arnOrName.substring(arnOrName.lastIndexOf('/') + 1);
    }

    private static String account(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length > 4 ? parts[4] : "";
    }
}
