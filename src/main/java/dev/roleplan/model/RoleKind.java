package dev.roleplan.model;

/** Which of a task definition's two roles. */
public enum RoleKind {
    EXECUTION, TASK;

    public String label() {
        return this == EXECUTION ? "execution" : "task";
    }

    public String attribute() {
        return this == EXECUTION ? "execution_role_arn" : "task_role_arn";
    }
}
