package dev.roleplan.iam;

import java.util.Optional;

/**
 * Access level of an action as the Service Authorization Reference states it. The source may combine
 * levels ("Permissions management, Write"); the catalog keeps the most significant one, in the order
 * Permissions management > Tagging > Write > Read > List, and the raw text beside it.
 */
public enum AccessLevel {
    LIST("List"),
    READ("Read"),
    WRITE("Write"),
    TAGGING("Tagging"),
    PERMISSIONS_MANAGEMENT("Permissions management");

    private final String displayName;

    AccessLevel(String displayName) {
        this.displayName = displayName;
    }

    /** The name as AWS writes it, e.g. {@code Permissions management}. */
    public String displayName() {
        return displayName;
    }

    public static Optional<AccessLevel> fromDisplayName(String name) {
        for (AccessLevel level : values()) {
            if (level.displayName.equals(name)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return displayName;
    }
}
