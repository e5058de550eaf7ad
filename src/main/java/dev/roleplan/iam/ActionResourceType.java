package dev.roleplan.iam;

import java.util.List;

/**
 * A resource type an action accepts. {@code required} is the source's flag; iam-data marks every type
 * {@code false} when an action has alternatives (s3:GetObject: accesspointobject or object), so treat
 * any listed type as acceptable rather than relying on the flag.
 */
public record ActionResourceType(ResourceType resourceType, boolean required, List<String> conditionKeys) {
    public ActionResourceType {
        conditionKeys = List.copyOf(conditionKeys);
    }
}
