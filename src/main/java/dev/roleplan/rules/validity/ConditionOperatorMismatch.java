package dev.roleplan.rules.validity;

import dev.roleplan.engine.Reporter;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.engine.RuleInfo;
import dev.roleplan.engine.Severity;
import dev.roleplan.iam.ActionCatalog;
import dev.roleplan.iam.ConditionKeyType;
import dev.roleplan.iam.ConditionKeyType.ValueType;
import dev.roleplan.model.Condition;
import dev.roleplan.rules.PolicyStatement;
import dev.roleplan.rules.RoleUse;
import dev.roleplan.rules.Texts;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

@RuleInfo(id = "RP506", severity = Severity.MEDIUM,
        summary = "A condition uses an unknown operator, or one whose type does not fit the key or the value",
        description = "IAM compares a condition by its operator's type: NumericEquals on a string key, DateGreaterThan "
                + "with a value that is not a date, or Bool with a value other than true or false never matches the way "
                + "the author meant, so an Allow never applies or a Deny never denies. Use the operator family of the "
                + "key's type (String, Numeric, Date, Bool, IpAddress, Arn, Binary) and values of that type.")
public final class ConditionOperatorMismatch implements Rule {

    /** Operator families, named by the type they compare. */
    enum Family { STRING, NUMERIC, DATE, BOOL, BINARY, IP, ARN, NULL }

    private static final Map<String, Family> OPERATORS = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    static {
        for (String s : List.of("StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase",
                "StringLike", "StringNotLike")) {
            OPERATORS.put(s, Family.STRING);
        }
        for (String s : List.of("NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
                "NumericGreaterThan", "NumericGreaterThanEquals")) {
            OPERATORS.put(s, Family.NUMERIC);
        }
        for (String s : List.of("DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan",
                "DateGreaterThanEquals")) {
            OPERATORS.put(s, Family.DATE);
        }
        OPERATORS.put("Bool", Family.BOOL);
        OPERATORS.put("BinaryEquals", Family.BINARY);
        OPERATORS.put("IpAddress", Family.IP);
        OPERATORS.put("NotIpAddress", Family.IP);
        for (String s : List.of("ArnEquals", "ArnNotEquals", "ArnLike", "ArnNotLike")) {
            OPERATORS.put(s, Family.ARN);
        }
        OPERATORS.put("Null", Family.NULL);
    }

    /** Key types each family compares correctly (String operators also work on ARN keys, Arn operators on strings). */
    private static final Map<Family, Set<ValueType>> FITS = Map.of(
            Family.STRING, EnumSet.of(ValueType.STRING, ValueType.ARN, ValueType.BOOL, ValueType.BINARY),
            Family.NUMERIC, EnumSet.of(ValueType.NUMERIC),
            Family.DATE, EnumSet.of(ValueType.DATE),
            Family.BOOL, EnumSet.of(ValueType.BOOL),
            Family.BINARY, EnumSet.of(ValueType.BINARY),
            Family.IP, EnumSet.of(ValueType.IP_ADDRESS),
            Family.ARN, EnumSet.of(ValueType.ARN, ValueType.STRING),
            Family.NULL, EnumSet.allOf(ValueType.class));

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern DATE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?|\\d+");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)(/(3[0-2]|[12]?\\d))?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*(/(12[0-8]|1[01]\\d|\\d?\\d))?");

    @Override
    public void check(RuleContext context, Reporter reporter) {
        ActionCatalog catalog = ActionCatalog.get();
        for (RoleUse use : RoleUse.resolved(context.model())) {
            for (PolicyStatement ps : PolicyStatement.authored(use.role())) {
                for (Condition c : ps.statement().conditions()) {
                    for (String problem : problems(catalog, c)) {
                        reporter.at(use.taskDefinition()).role(use.ref()).policy(ps.policy()).statement(ps.statement())
                                .key(c.operator() + " " + c.key().toLowerCase(Locale.ROOT) + " " + problem)
                                .message(Texts.statement(ps) + ": " + problem);
                    }
                }
            }
        }
    }

    /** Every problem with one condition, in a fixed order: operator, key type, values. */
    static List<String> problems(ActionCatalog catalog, Condition c) {
        List<String> out = new ArrayList<>();
        Optional<Family> family = family(c.operator());
        if (family.isEmpty()) {
            out.add("\"" + c.operator() + "\" is not a condition operator" + hint(c.operator()) + ".");
            return out;
        }
        Family f = family.get();
        Optional<ConditionKeyType> type = c.key().contains("${") ? Optional.empty() : catalog.conditionKeyType(c.key());
        if (type.isPresent() && !FITS.get(f).contains(type.get().valueType())) {
            out.add(c.operator() + " compares " + describe(f) + ", but \"" + c.key() + "\" is of type "
                    + type.get().awsName() + "; use a " + operatorFor(type.get().valueType()) + " operator.");
        }
        List<String> bad = new ArrayList<>();
        for (String v : c.values()) {
            if (!v.contains("${") && !valueFits(f, v)) {
                bad.add("\"" + v + "\"");
            }
        }
        if (!bad.isEmpty()) {
            out.add(c.operator() + " on \"" + c.key() + "\" needs " + describe(f) + ", not " + Texts.compact(bad) + ".");
        }
        return out;
    }

    /** The family of an operator, allowing the ForAllValues:/ForAnyValue: prefixes and the IfExists suffix. */
    static Optional<Family> family(String operator) {
        String base = operator;
        String lower = base.toLowerCase(Locale.ROOT);
        for (String prefix : List.of("forallvalues:", "foranyvalue:")) {
            if (lower.startsWith(prefix)) {
                base = base.substring(prefix.length());
                lower = lower.substring(prefix.length());
                break;
            }
        }
        boolean ifExists = lower.endsWith("ifexists");
        if (ifExists) {
            base = base.substring(0, base.length() - "IfExists".length());
        }
        Family f = OPERATORS.get(base);
        if (f == null || (ifExists && f == Family.NULL)) {
            return Optional.empty();
        }
        return Optional.of(f);
    }

    private static String hint(String operator) {
        if (operator.toLowerCase(Locale.ROOT).endsWith("ifexists") && operator.toLowerCase(Locale.ROOT).contains("null")) {
            return " (Null takes no IfExists)";
        }
        return "";
    }

    static boolean valueFits(Family f, String v) {
        return switch (f) {
            case NUMERIC -> NUMBER.matcher(v).matches();
            case DATE -> DATE.matcher(v).matches();
            case BOOL, NULL -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
            case IP -> IPV4.matcher(v).matches() || IPV6.matcher(v).matches();
            default -> true;
        };
    }

    private static String describe(Family f) {
        return switch (f) {
            case STRING -> "strings";
            case NUMERIC -> "numbers";
            case DATE -> "dates (ISO 8601 or epoch seconds)";
            case BOOL, NULL -> "true or false";
            case BINARY -> "base-64 binary values";
            case IP -> "IP addresses or CIDR ranges";
            case ARN -> "ARNs";
        };
    }

    private static String operatorFor(ValueType t) {
        return switch (t) {
            case STRING -> "String";
            case ARN -> "Arn";
            case BOOL -> "Bool";
            case NUMERIC -> "Numeric";
            case DATE -> "Date";
            case IP_ADDRESS -> "IpAddress";
            case BINARY -> "BinaryEquals";
        };
    }
}
