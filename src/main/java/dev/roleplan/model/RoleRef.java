package dev.roleplan.model;

/**
 * A task definition's link to one of its roles.
 *
 * @param role   the resolved role, non-null exactly when status is RESOLVED
 * @param arn    the role ARN when known (also for external roles), else null
 * @param reason why the role is external or unknown, for the report (RP104); null when resolved or absent
 */
public record RoleRef(RoleKind kind, RoleStatus status, Role role, String arn, String reason) {

    public static RoleRef absent(RoleKind kind) {
        return new RoleRef(kind, RoleStatus.ABSENT, null, null, null);
    }

    public static RoleRef resolved(RoleKind kind, Role role) {
        return new RoleRef(kind, RoleStatus.RESOLVED, role, role.arn().orNull(), null);
    }

    public boolean isResolved() {
        return status == RoleStatus.RESOLVED;
    }

    /** The role's address when resolved, else null. */
    public Address address() {
        return role == null ? null : role.address();
    }

    /** How to name the role in a report: its address, else its ARN, else its status. */
    public String display() {
        if (role != null) {
            return role.address().text();
        }
        return arn != null ? arn : "(" + status.label() + ")";
    }
}
