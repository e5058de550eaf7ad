package dev.roleplan.iam;

import java.util.List;
import java.util.Map;

/**
 * One AWS service in the catalog.
 *
 * @param prefix        service prefix as used in actions, e.g. {@code s3}
 * @param name          the service's display name, e.g. {@code Amazon S3}
 * @param actions       actions sorted by lower-case name
 * @param resourceTypes resource types by name, sorted
 * @param conditionKeys condition keys (catalog spelling, possibly templates) to their types, sorted
 */
public record ServiceInfo(
        String prefix,
        String name,
        List<ActionInfo> actions,
        Map<String, ResourceType> resourceTypes,
        Map<String, ConditionKeyType> conditionKeys) {
}
