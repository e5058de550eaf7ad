package dev.roleplan.iam;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Condition operator as written in a policy, e.g. {@code StringEquals}, {@code ForAnyValue:StringLike},
 * {@code NumericLessThanIfExists}, and what it can be used with: which condition key types it compares,
 * and which values are valid for it. The basis for RP506 (operator / key-type / value mismatch).
 *
 * @param text      the operator as written
 * @param base      the operator without qualifier and IfExists
 * @param qualifier {@code ForAnyValue}, {@code ForAllValues}, or null
 * @param ifExists  true for the {@code ...IfExists} form
 */
public record ConditionOperator(String text, Base base, String qualifier, boolean ifExists) {

    /** What the operator compares. */
    public enum Operand { STRING, NUMERIC, DATE, BOOL, BINARY, IP_ADDRESS, ARN, NULL_CHECK }

    /** The operators AWS defines. */
    public enum Base {
        STRING_EQUALS("StringEquals", Operand.STRING),
        STRING_NOT_EQUALS("StringNotEquals", Operand.STRING),
        STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Operand.STRING),
        STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Operand.STRING),
        STRING_LIKE("StringLike", Operand.STRING),
        STRING_NOT_LIKE("StringNotLike", Operand.STRING),
        NUMERIC_EQUALS("NumericEquals", Operand.NUMERIC),
        NUMERIC_NOT_EQUALS("NumericNotEquals", Operand.NUMERIC),
        NUMERIC_LESS_THAN("NumericLessThan", Operand.NUMERIC),
        NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Operand.NUMERIC),
        NUMERIC_GREATER_THAN("NumericGreaterThan", Operand.NUMERIC),
        NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Operand.NUMERIC),
        DATE_EQUALS("DateEquals", Operand.DATE),
        DATE_NOT_EQUALS("DateNotEquals", Operand.DATE),
        DATE_LESS_THAN("DateLessThan", Operand.DATE),
        DATE_LESS_THAN_EQUALS("DateLessThanEquals", Operand.DATE),
        DATE_GREATER_THAN("DateGreaterThan", Operand.DATE),
        DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Operand.DATE),
        BOOL("Bool", Operand.BOOL),
        BINARY_EQUALS("BinaryEquals", Operand.BINARY),
        IP_ADDRESS("IpAddress", Operand.IP_ADDRESS),
        NOT_IP_ADDRESS("NotIpAddress", Operand.IP_ADDRESS),
        ARN_EQUALS("ArnEquals", Operand.ARN),
        ARN_LIKE("ArnLike", Operand.ARN),
        ARN_NOT_EQUALS("ArnNotEquals", Operand.ARN),
        ARN_NOT_LIKE("ArnNotLike", Operand.ARN),
        NULL("Null", Operand.NULL_CHECK);

        private final String awsName;
        private final Operand operand;

        Base(String awsName, Operand operand) {
            this.awsName = awsName;
            this.operand = operand;
        }

        public String awsName() {
            return awsName;
        }

        public Operand operand() {
            return operand;
        }
    }

    private static final String IF_EXISTS = "IfExists";
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern EPOCH = Pattern.compile("\\d{1,13}");
    private static final Pattern ISO_DATE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?");
    private static final Pattern IPV4_CIDR = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)(/(3[0-2]|[12]?\\d))?");
    private static final Pattern IPV6_CIDR = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(/(12[0-8]|1[01]\\d|[1-9]?\\d))?");

    /**
     * Parses an operator; empty if it is not one AWS defines (operator names are case-sensitive in AWS;
     * the qualifier prefix is compared case-insensitively, as AWS does).
     */
    public static Optional<ConditionOperator> parse(String text) {
        String rest = text;
        String qualifier = null;
        int colon = rest.indexOf(':');
        if (colon >= 0) {
            String q = rest.substring(0, colon);
            if (q.equalsIgnoreCase("ForAnyValue")) {
                qualifier = "ForAnyValue";
            } else if (q.equalsIgnoreCase("ForAllValues")) {
                qualifier = "ForAllValues";
            } else {
                return Optional.empty();
            }
            rest = rest.substring(colon + 1);
        }
        boolean ifExists = rest.endsWith(IF_EXISTS);
        String name = ifExists ? rest.substring(0, rest.length() - IF_EXISTS.length()) : rest;
        for (Base base : Base.values()) {
            if (base.awsName.equals(name)) {
                if (ifExists && base == Base.NULL) {
                    return Optional.empty(); // there is no NullIfExists
                }
                return Optional.of(new ConditionOperator(text, base, qualifier, ifExists));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether this operator compares values of the key's type: String operators take String and ARN keys
     * (ARNs are strings), ARN operators ARN keys, the others their own type; Null takes any key.
     */
    public boolean fits(ConditionKeyType keyType) {
        ConditionKeyType.ValueType v = keyType.valueType();
        return switch (base.operand()) {
            case NULL_CHECK -> true;
            case STRING -> v == ConditionKeyType.ValueType.STRING || v == ConditionKeyType.ValueType.ARN;
            case ARN -> v == ConditionKeyType.ValueType.ARN;
            case NUMERIC -> v == ConditionKeyType.ValueType.NUMERIC;
            case DATE -> v == ConditionKeyType.ValueType.DATE;
            case BOOL -> v == ConditionKeyType.ValueType.BOOL;
            case BINARY -> v == ConditionKeyType.ValueType.BINARY;
            case IP_ADDRESS -> v == ConditionKeyType.ValueType.IP_ADDRESS;
        };
    }

    /**
     * Problems with the values given to this operator, one message per bad value, e.g.
     * {@code "abc" is not a number}. Values containing policy variables or values unknown until apply
     * ({@code ${...}}) are not judged.
     */
    public List<String> valueProblems(List<String> values) {
        List<String> problems = new ArrayList<>();
        for (String value : values) {
            if (value.contains("${")) {
                continue;
            }
            String problem = valueProblem(value);
            if (problem != null) {
                problems.add("\"" + value + "\" " + problem);
            }
        }
        return problems;
    }

    private String valueProblem(String value) {
        return switch (base.operand()) {
            case NUMERIC -> NUMBER.matcher(value).matches() ? null : "is not a number";
            case DATE -> ISO_DATE.matcher(value).matches() || EPOCH.matcher(value).matches()
                    ? null : "is not a date (ISO 8601, e.g. 2026-01-31T00:00:00Z, or epoch seconds)";
            case BOOL, NULL_CHECK -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")
                    ? null : "is not true or false";
            case IP_ADDRESS -> IPV4_CIDR.matcher(value).matches() || IPV6_CIDR.matcher(value).matches()
                    ? null : "is not an IP address or CIDR range";
            case BINARY -> isBase64(value) ? null : "is not base64";
            case ARN -> value.equals("*") || value.toLowerCase(Locale.ROOT).startsWith("arn:")
                    ? null : "is not an ARN";
            case STRING -> null;
        };
    }

    private static boolean isBase64(String value) {
        try {
            Base64.getDecoder().decode(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
