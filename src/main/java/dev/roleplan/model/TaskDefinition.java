package dev.roleplan.model;

import java.util.List;

/**
 * An {@code aws_ecs_task_definition} instance linked to its two roles.
 *
 * @param containers the parsed container definitions; unknown when computed at apply time
 * @param problems   what could not be understood (e.g. container definitions that are not valid JSON)
 */
public record TaskDefinition(
        Address address,
        Value<String> family,
        Value<List<ContainerDefinition>> containers,
        List<Volume> volumes,
        RoleRef executionRole,
        RoleRef taskRole,
        ChangeAction change,
        SourceLocation location,
        List<String> problems) {

    public TaskDefinition {
        volumes = List.copyOf(volumes);
        problems = List.copyOf(problems);
    }

    public RoleRef role(RoleKind kind) {
        return kind == RoleKind.EXECUTION ? executionRole : taskRole;
    }

    public List<ContainerDefinition> knownContainers() {
        List<ContainerDefinition> known = containers.orNull();
        return known == null ? List.of() : known;
    }
}
