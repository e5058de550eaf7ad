package dev.roleplan.model;

/**
 * RESOLVED: the role is in the input. EXTERNAL: named by ARN or name but not defined in the input.
 * UNKNOWN: cannot be determined before apply. ABSENT: not set.
 */
public enum RoleStatus {
    RESOLVED, EXTERNAL, UNKNOWN, ABSENT;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
