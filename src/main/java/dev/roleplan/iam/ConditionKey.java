package dev.roleplan.iam;

/**
 * A condition key the catalog defines. {@code name} is the catalog spelling, which may be a template
 * such as {@code aws:RequestTag/${TagKey}} or {@code s3:ExistingObjectTag/<key>}; {@code global} marks
 * the {@code aws:} keys that apply to every action.
 */
public record ConditionKey(String name, ConditionKeyType type, boolean global) {
}
