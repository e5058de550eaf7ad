package dev.roleplan.ecs;

import dev.roleplan.model.RoleKind;

/**
 * What in a task definition makes a permission necessary. Each kind knows its role, the Sid its statement
 * gets in a suggested policy, and what ECS reports when the permission is missing.
 */
public enum RequirementKind {
    ECR_AUTH(RoleKind.EXECUTION, "EcrAuth", "CannotPullContainerError"),
    ECR_PULL(RoleKind.EXECUTION, "EcrPull", "CannotPullContainerError"),
    LOGS(RoleKind.EXECUTION, "Logs", "ResourceInitializationError"),
    LOG_GROUP_CREATION(RoleKind.EXECUTION, "LogsCreateGroup", "ResourceInitializationError"),
    SECRET(RoleKind.EXECUTION, "Secrets", "ResourceInitializationError"),
    PARAMETER(RoleKind.EXECUTION, "Parameters", "ResourceInitializationError"),
    REGISTRY_CREDENTIALS(RoleKind.EXECUTION, "RegistryCredentials", "ResourceInitializationError"),
    ENVIRONMENT_FILE(RoleKind.EXECUTION, "EnvironmentFiles", "ResourceInitializationError"),
    ENVIRONMENT_FILE_BUCKET(RoleKind.EXECUTION, "EnvironmentFileBuckets", "ResourceInitializationError"),
    KMS(RoleKind.EXECUTION, "Kms", "ResourceInitializationError"),
    EFS(RoleKind.TASK, "Efs", "ResourceInitializationError"),
    EXECUTE_COMMAND(RoleKind.TASK, "ExecuteCommand", "TargetNotConnectedException");

    private final RoleKind role;
    private final String sid;
    private final String ecsError;

    RequirementKind(RoleKind role, String sid, String ecsError) {
        this.role = role;
        this.sid = sid;
        this.ecsError = ecsError;
    }

    public RoleKind role() {
        return role;
    }

    /** The Sid of this kind's statement in a suggested policy. */
    public String sid() {
        return sid;
    }

    /**
     * The error ECS reports when the permission is missing: the task stops before its containers run, or
     * (execute command) {@code aws ecs execute-command} cannot reach the task.
     */
    public String ecsError() {
        return ecsError;
    }
}
