package dev.roleplan.model;

/**
 * What a configuration expression refers to, made absolute: {@code module.iam.aws_iam_role.exec} with
 * attribute {@code arn}. The attribute is null when the input names only the object (plan format 0.1).
 */
public record Reference(Address target, String attribute) {

    @Override
    public String toString() {
        return attribute == null ? target.text() : target.text() + "." + attribute;
    }
}
