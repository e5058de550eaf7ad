package dev.roleplan.ecs;

import java.util.Objects;

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

    // Written out as the record would generate them (same hash): decision 0012.
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Requirement that
                && Objects.equals(role, that.role)
                && Objects.equals(kind, that.kind)
                && Objects.equals(action, that.action)
                && Objects.equals(resource, that.resource)
                && Objects.equals(container, that.container)
                && Objects.equals(field, that.field)
                && Objects.equals(why, that.why)
                && Objects.equals(unknownReason, that.unknownReason);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(role);
        h = 31 * h + Objects.hashCode(kind);
        h = 31 * h + Objects.hashCode(action);
        h = 31 * h + Objects.hashCode(resource);
        h = 31 * h + Objects.hashCode(container);
        h = 31 * h + Objects.hashCode(field);
        h = 31 * h + Objects.hashCode(why);
        h = 31 * h + Objects.hashCode(unknownReason);
        return h;
    }

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
