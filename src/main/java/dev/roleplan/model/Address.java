package dev.roleplan.model;

import java.util.Objects;

/**
 * An absolute Terraform address such as {@code module.svc["api"].aws_ecs_task_definition.app[0]}, module
 * path and instance keys included. Compared as text: Terraform prints addresses canonically.
 */
public record Address(String text) implements Comparable<Address> {

    // Written out as the record would generate them (same hash): decision 0012.
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Address that
                && Objects.equals(text, that.text);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(text);
        return h;
    }

    public Address {
        Objects.requireNonNull(text, "address");
    }

    public static Address of(String text) {
        return new Address(text);
    }

    /** The module path part ({@code module.a["x"].module.b}), empty for the root module. */
    public String modulePath() {
        return AddressSyntax.modulePath(text);
    }

    /** The address without the module path: {@code aws_iam_role.exec[0]} or {@code data.x.y}. */
    public String local() {
        String module = modulePath();
        if (module.isEmpty()) {
            return text;
        }
        // A bare module path (a reference to a whole module call) has no local part.
        return module.length() >= text.length() ? "" : text.substring(module.length() + 1);
    }

    /** The same resource without its own instance key: {@code aws_iam_role.exec[0]} → {@code aws_iam_role.exec}. */
    public Address withoutInstanceKey() {
        String local = local();
        int bracket = AddressSyntax.trailingKeyStart(local);
        if (bracket < 0) {
            return this;
        }
        String module = modulePath();
        String bare = local.substring(0, bracket);
        return new Address(module.isEmpty() ? bare : module + "." + bare);
    }

    @Override
    public int compareTo(Address other) {
        return text.compareTo(other.text);
    }

    @Override
    public String toString() {
        return text;
    }
}
