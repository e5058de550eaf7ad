package dev.roleplan.model;

import java.util.List;
import java.util.Set;

/**
 * What the rules see: task definitions linked to roles and policies, with the input's context.
 *
 * @param before the same view before the change (plan input with prior values), or null
 */
public record Model(
        List<InputInfo> inputs,
        List<TaskDefinition> taskDefinitions,
        List<Role> roles,
        List<EcsService> services,
        AccountContext context,
        List<Notice> notices,
        Set<String> sensitiveValues,
        Model before) {

    public Model {
        inputs = List.copyOf(inputs);
        taskDefinitions = List.copyOf(taskDefinitions);
        roles = List.copyOf(roles);
        services = List.copyOf(services);
        notices = List.copyOf(notices);
        sensitiveValues = Set.copyOf(sensitiveValues);
    }
}
