package dev.roleplan.model;

import java.util.List;

/**
 * An IAM role defined in the input, with every policy that reaches it.
 *
 * @param boundary the permissions boundary, or null when none is set
 */
public record Role(
        Address address,
        Value<String> name,
        Value<String> arn,
        Value<PolicyDocument> trustPolicy,
        List<AttachedPolicy> policies,
        AttachedPolicy boundary,
        SourceLocation location) {

    public Role {
        policies = List.copyOf(policies);
    }
}
