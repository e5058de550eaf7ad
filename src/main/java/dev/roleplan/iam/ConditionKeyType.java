package dev.roleplan.iam;

import java.util.Locale;

/**
 * Type of a condition key's value as the Service Authorization Reference declares it, e.g.
 * {@code String}, {@code ArrayOfARN}, {@code Bool}. {@code multivalued} is true for the ArrayOf types,
 * which need {@code ForAnyValue:} / {@code ForAllValues:} operators.
 */
public record ConditionKeyType(ValueType valueType, boolean multivalued) {

    public enum ValueType {
        STRING("String"),
        ARN("ARN"),
        BOOL("Bool"),
        NUMERIC("Numeric"),
        DATE("Date"),
        IP_ADDRESS("IPAddress"),
        BINARY("Binary");

        private final String awsName;

        ValueType(String awsName) {
            this.awsName = awsName;
        }

        public String awsName() {
            return awsName;
        }
    }

    private static final String ARRAY_PREFIX = "ArrayOf";

    /** Parses the catalog's type name; throws {@link IllegalArgumentException} for a name it does not know. */
    public static ConditionKeyType parse(String raw) {
        boolean array = raw.startsWith(ARRAY_PREFIX);
        String base = array ? raw.substring(ARRAY_PREFIX.length()) : raw;
        for (ValueType type : ValueType.values()) {
            if (type.awsName.toLowerCase(Locale.ROOT).equals(base.toLowerCase(Locale.ROOT))) {
                return new ConditionKeyType(type, array);
            }
        }
        throw new IllegalArgumentException("unknown condition key type \"" + raw + "\"");
    }

    /** The AWS spelling, e.g. {@code ArrayOfString}. */
    public String awsName() {
        return (multivalued ? ARRAY_PREFIX : "") + valueType.awsName();
    }

    @Override
    public String toString() {
        return awsName();
    }
}
