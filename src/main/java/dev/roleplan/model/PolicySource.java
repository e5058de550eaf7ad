package dev.roleplan.model;

/** How a policy reaches a role. */
public enum PolicySource {
    /** an {@code inline_policy} block of {@code aws_iam_role} */
    INLINE_BLOCK,
    /** an {@code aws_iam_role_policy} resource */
    ROLE_POLICY,
    /** an {@code aws_iam_policy} attached by an attachment resource or {@code managed_policy_arns} */
    CUSTOMER_MANAGED,
    /** an AWS-managed policy ({@code arn:aws:iam::aws:policy/...}) */
    AWS_MANAGED,
    /** a customer-managed policy named by ARN that the input does not define */
    EXTERNAL,
    /** the permissions boundary */
    BOUNDARY
}
