package dev.roleplan.iam;

import java.util.List;

/**
 * What a set of policies grants for one catalog action.
 *
 * @param action        the action
 * @param decision      {@link Decision#ALLOWED} when some Allow applies without condition,
 *                      {@link Decision#CONDITIONAL} when every applicable Allow has a condition (or an
 *                      unknown value), or the boundary only allows conditionally
 * @param allResources  true when an unconditional Allow covers {@code Resource: "*"} (for wildcard-only
 *                      actions, the only resource there is), and the boundary does too
 * @param resources     the Resource patterns of the applicable Allows, in statement order; a NotResource
 *                      statement contributes its patterns prefixed with {@code "not "}
 * @param allows        the Allow statements that grant it
 * @param limitingDenies Deny statements that apply to the action but only to some resources or under a
 *                      condition (an unconditional Deny on every resource removes the action instead)
 */
public record Grant(
        ActionInfo action,
        Decision decision,
        boolean allResources,
        List<String> resources,
        List<StatementRef> allows,
        List<StatementRef> limitingDenies) {

    public Grant {
        resources = List.copyOf(resources);
        allows = List.copyOf(allows);
        limitingDenies = List.copyOf(limitingDenies);
    }

    /** Allowed on every resource, without condition and without any Deny that could narrow it. */
    public boolean unrestricted() {
        return decision == Decision.ALLOWED && allResources && limitingDenies.isEmpty();
    }
}
