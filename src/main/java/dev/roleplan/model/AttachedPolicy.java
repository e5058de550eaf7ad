package dev.roleplan.model;

/**
 * A policy that reaches a role, with where it came from.
 *
 * @param id         how findings name it: the policy resource's address, the AWS-managed ARN, or
 *                   {@code aws_iam_role.x.inline_policy["name"]} for an inline block
 * @param source     how it reaches the role
 * @param policy     the address of the resource holding the document (aws_iam_policy, aws_iam_role_policy), or null
 * @param attachment the attachment resource or attribute that links it to the role, or null
 * @param arn        the policy ARN when known (managed policies), or null
 * @param name       the policy name when known, or null
 * @param document   the parsed document; unknown when computed at apply time, absent when not available
 *                   (an external policy)
 */
public record AttachedPolicy(
        String id,
        PolicySource source,
        Address policy,
        Address attachment,
        String arn,
        String name,
        Value<PolicyDocument> document,
        SourceLocation location) {
}
