package dev.roleplan.iam;

import java.util.List;
import java.util.Optional;

/**
 * One IAM action from the catalog.
 *
 * @param service        service prefix, e.g. {@code s3}
 * @param name           action name in AWS's casing, e.g. {@code GetObject}
 * @param accessLevel    the normalised (most significant) access level
 * @param accessLevelRaw the source's access level text, e.g. {@code Tagging, Write}
 * @param resourceTypes  resource types the action accepts; empty for wildcard-only actions
 * @param conditionKeys  condition keys the action supports (besides those of its resource types)
 * @param fullName       {@code service:Name}, e.g. {@code s3:GetObject}
 * @param lowerName      the full name in lower case, interned (matching never lower-cases again)
 */
public record ActionInfo(
        String service,
        String name,
        AccessLevel accessLevel,
        String accessLevelRaw,
        List<ActionResourceType> resourceTypes,
        List<String> conditionKeys,
        String fullName,
        String lowerName) {

    public ActionInfo {
        resourceTypes = List.copyOf(resourceTypes);
        conditionKeys = List.copyOf(conditionKeys);
    }

    /** Both names built once here: hot loops over thousands of actions ask for them per role. */
    public ActionInfo(String service, String name, AccessLevel accessLevel, String accessLevelRaw,
                      List<ActionResourceType> resourceTypes, List<String> conditionKeys) {
        this(service, name, accessLevel, accessLevelRaw, resourceTypes, conditionKeys, service + ":" + name,
                (service + ":" + name).toLowerCase(java.util.Locale.ROOT).intern());
    }

    /**
     * The lower-case full name identifies an action; hashing only it (one cached String hash, not the
     * resource-type and condition-key lists) keeps the sets and maps of thousands of actions that policy
     * expansion builds cheap. Consistent with the record's {@code equals}: equal records have equal names.
     */
    @Override
    public int hashCode() {
        return lowerName.hashCode();
    }

    /** True if the action supports no resource-level permissions: only {@code "Resource": "*"} applies. */
    public boolean isWildcardOnly() {
        return resourceTypes.isEmpty();
    }

    /**
     * The first of this action's resource types whose ARN format the concrete {@code arn} matches, in the
     * catalog's order. Empty for wildcard-only actions (a specific ARN never applies to them) and for ARNs
     * of no accepted type.
     */
    public Optional<ResourceType> resourceTypeOf(String arn) {
        for (ActionResourceType rt : resourceTypes) {
            if (rt.resourceType().matches(arn)) {
                return Optional.of(rt.resourceType());
            }
        }
        return Optional.empty();
    }

    /** True if a statement naming {@code arn} can apply to this action (see {@link #resourceTypeOf}). */
    public boolean acceptsArn(String arn) {
        return resourceTypeOf(arn).isPresent();
    }
}
