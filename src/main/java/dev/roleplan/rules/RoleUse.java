package dev.roleplan.rules;

import dev.roleplan.model.Model;
import dev.roleplan.model.Role;
import dev.roleplan.model.RoleKind;
import dev.roleplan.model.RoleRef;
import dev.roleplan.model.TaskDefinition;

import java.util.ArrayList;
import java.util.List;

/**
 * A task definition's use of one of its roles. Rules about a role report once per task definition that
 * uses it, so they iterate over uses, not over roles.
 */
public record RoleUse(TaskDefinition taskDefinition, RoleRef ref) {

    public RoleKind kind() {
        return ref.kind();
    }

    public Role role() {
        return ref.role();
    }

    /** Every use of a role that is in the input (status resolved), execution role first. */
    public static List<RoleUse> resolved(Model model) {
        List<RoleUse> uses = new ArrayList<>();
        for (TaskDefinition td : model.taskDefinitions()) {
            for (RoleKind kind : RoleKind.values()) {
                RoleRef ref = td.role(kind);
                if (ref.isResolved()) {
                    uses.add(new RoleUse(td, ref));
                }
            }
        }
        return uses;
    }

    /** Every use of a role of the given kind that is in the input. */
    public static List<RoleUse> resolved(Model model, RoleKind kind) {
        return resolved(model).stream().filter(u -> u.kind() == kind).toList();
    }
}
