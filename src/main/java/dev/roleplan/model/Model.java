package dev.roleplan.model;

import java.util.List;
import java.util.Set;

/**
 * What the rules see: task definitions linked to roles and policies, with the input's context.
 *
 * @param storedSecrets the Secrets Manager secrets and SSM parameters the input defines, with their KMS keys
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
        List<StoredSecret> storedSecrets,
        Model before) {

    public Model {
        inputs = List.copyOf(inputs);
        taskDefinitions = List.copyOf(taskDefinitions);
        roles = List.copyOf(roles);
        services = List.copyOf(services);
        notices = List.copyOf(notices);
        sensitiveValues = Set.copyOf(sensitiveValues);
        storedSecrets = storedSecrets == null ? List.of() : List.copyOf(storedSecrets);
    }

    /** Without stored secrets: for front ends that do not read secrets and parameters yet. */
    public Model(List<InputInfo> inputs, List<TaskDefinition> taskDefinitions, List<Role> roles, List<EcsService> services,
                 AccountContext context, List<Notice> notices, Set<String> sensitiveValues, Model before) {
        this(inputs, taskDefinitions, roles, services, context, notices, sensitiveValues, List.of(), before);
    }
}
