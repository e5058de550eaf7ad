package dev.roleplan.model;

/**
 * An {@code aws_ecs_service} and the task definition it runs (by address when the input links it, else null).
 */
public record EcsService(Address address, Address taskDefinition, Value<String> taskDefinitionArn,
                         boolean enableExecuteCommand, SourceLocation location) {
}
