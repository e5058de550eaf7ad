package dev.roleplan.ecs;

import dev.roleplan.model.RoleKind;

/**
 * One permission a task definition needs from one of its roles.
 *
 * @param role          which role must grant it
 * @param kind          what makes it necessary (also decides its Sid and the ECS error)
 * @param action        the IAM action, e.g. {@code ecr:BatchGetImage}
 * @param resource      the resource ARN or pattern ({@code *} for actions without resource-level permissions).
 *                      Parts the input cannot tell are written {@code ${...}}: a Terraform reference such as
 *                      {@code ${aws_kms_key.main.arn}} when the input names one, else {@link #UNKNOWN_REGION}
 *                      or {@link #UNKNOWN_ACCOUNT}; {@code unknownReason} then says why
 * @param container     the container it comes from, or null (an ECS service's execute-command setting)
 * @param field         the field it comes from, e.g. {@code secrets[DB_PASSWORD].valueFrom}
 * @param why           one phrase for messages, e.g. {@code pull image 1234.dkr.ecr...}
 * @param unknownReason why part of the resource is not known, or null when it is fully known
 */
public record Requirement(
        RoleKind role,
        RequirementKind kind,
        String action,
        String resource,
        String container,
        String field,
        String why,
        String unknownReason) {

    public static final String UNKNOWN_REGION = "${unknown:region}";
    public static final String UNKNOWN_ACCOUNT = "${unknown:account}";

    public boolean isResourceKnown() {
        return unknownReason == null;
    }

    /** Where it comes from, for messages: {@code container "app", secrets[DB].valueFrom}. */
    public String origin() {
        return container == null ? field : "container \"" + container + "\", " + field;
    }
}
