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
 */
public record ActionInfo(
        String service,
        String name,
        AccessLevel accessLevel,
        String accessLevelRaw,
        List<ActionResourceType> resourceTypes,
        List<String> conditionKeys) {

    public ActionInfo {
        resourceTypes = List.copyOf(resourceTypes);
        conditionKeys = List.copyOf(conditionKeys);
    }

    /** {@code service:Name}, e.g. {@code s3:GetObject}. */
    public String fullName() {
        return service + ":" + name;
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

    /**
     * True if a policy Resource pattern can name a resource this action accepts: for wildcard-only
     * actions only {@code *} can; otherwise the pattern must overlap one of the action's ARN formats.
     * False is RP502's resource-type mismatch ({@code s3:GetObject} on {@code arn:aws:s3:::bucket}).
     */
    public boolean acceptsResourcePattern(String resourcePattern) {
        if (isWildcardOnly()) {
            return ArnPattern.of(resourcePattern).matches("*") != Tri.NO;
        }
        for (ActionResourceType rt : resourceTypes) {
            if (rt.resourceType().arnFormat().overlaps(resourcePattern)) {
                return true;
            }
        }
        return false;
    }

    /** True if a statement naming {@code arn} can apply to this action (see {@link #resourceTypeOf}). */
    public boolean acceptsArn(String arn) {
        return resourceTypeOf(arn).isPresent();
    }
}
