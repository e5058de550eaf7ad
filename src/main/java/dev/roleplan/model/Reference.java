package dev.roleplan.model;

import java.util.Objects;

/**
 * What a configuration expression refers to, made absolute: {@code module.iam.aws_iam_role.exec} with
 * attribute {@code arn}. The attribute is null when the input names only the object (plan format 0.1).
 */
public record Reference(Address target, String attribute) {

    // Written out as the record would generate them (same hash): decision 0012.
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Reference that
                && Objects.equals(target, that.target)
                && Objects.equals(attribute, that.attribute);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(target);
        h = 31 * h + Objects.hashCode(attribute);
        return h;
    }

    private static final java.util.List<String> UNFOLLOWABLE_HEADS =
            java.util.List.of("local.", "each.", "count.", "path.", "terraform.", "self.", "var.", "output.");

    /**
     * False when the target is not a resource but something the input does not record, so the chain ends
     * here: {@code local.x}, {@code each.value}, {@code count.index}, {@code path.module}, a root
     * {@code var.x}, or a module output the configuration does not describe; the target text then names it
     * (with its module path), e.g. {@code module.svc.local.exec_arn}.
     */
    public boolean isFollowable() {
        String local = target.local();
        if (local.isEmpty()) {
            return false;
        }
        for (String head : UNFOLLOWABLE_HEADS) {
            if (local.startsWith(head)) {
                return false;
            }
        }
        return true;
    }

    /** The resource type of a followable target ({@code aws_iam_role}), or null. */
    public String targetType() {
        if (!isFollowable()) {
            return null;
        }
        String local = target.local();
        if (local.startsWith("data.")) {
            local = local.substring("data.".length());
        }
        int dot = local.indexOf('.');
        return dot < 0 ? null : local.substring(0, dot);
    }

    /** True when the target is a data source ({@code data.aws_iam_role.x}). */
    public boolean isData() {
        return target.local().startsWith("data.");
    }

    @Override
    public String toString() {
        return attribute == null ? target.text() : target.text() + "." + attribute;
    }
}
