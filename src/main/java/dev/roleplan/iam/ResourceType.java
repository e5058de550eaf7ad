package dev.roleplan.iam;

import java.util.List;

/** A resource type of a service, e.g. {@code s3} / {@code object}, with its ARN format and condition keys. */
public record ResourceType(String service, String name, ArnFormat arnFormat, List<String> conditionKeys) {
    public ResourceType {
        conditionKeys = List.copyOf(conditionKeys);
    }

    public boolean matches(String arn) {
        return arnFormat.matches(arn);
    }
}
