package dev.roleplan.input.hcl;

import dev.roleplan.input.hcl.syntax.Expression.BinaryOperator;
import dev.roleplan.input.hcl.syntax.Expression.UnaryOperator;

import java.math.BigDecimal;

/** HCL's unary and binary operators over evaluated values. */
final class Operators {

    private Operators() {
    }

    static Object binary(BinaryOperator operator, Object leftValue, Object rightValue) {
        Object left = Values.force(leftValue);
        Object right = Values.force(rightValue);
        if (operator == BinaryOperator.AND && Boolean.FALSE.equals(left) || operator == BinaryOperator.OR && Boolean.TRUE.equals(left)) {
            // Terraform evaluates both sides, but a known false && / true || decides the result.
            if (!(right instanceof Boolean) && !(right instanceof Unknown)) {
                return Unknown.of("the right side of " + operator.symbol() + " is a " + Values.typeName(right) + ", not a bool");
            }
            return left;
        }
        if ((operator == BinaryOperator.EQUAL || operator == BinaryOperator.NOT_EQUAL) && (left == null || right == null)
                && !(left instanceof Unknown) && !(right instanceof Unknown)) {
            // Comparing with null needs only to know whether the value is null, not its (partly unknown) content.
            boolean equal = left == right;
            return operator == BinaryOperator.EQUAL ? equal : !equal;
        }
        if ((operator == BinaryOperator.EQUAL || operator == BinaryOperator.NOT_EQUAL)
                && (left == null && right instanceof Unknown u && u.notNull() || right == null && left instanceof Unknown u2 && u2.notNull())) {
            // An unknown known not to be null (an attribute the provider always sets) compares with null as Terraform does.
            return operator == BinaryOperator.NOT_EQUAL;
        }
        if (Unknown.containsUnknown(left) || Unknown.containsUnknown(right)) {
            return Unknown.merge("known after apply", java.util.Arrays.asList(left, right));
        }
        return switch (operator) {
            case EQUAL -> Values.equal(left, right);
            case NOT_EQUAL -> !Values.equal(left, right);
            case AND, OR -> logical(operator, left, right);
            default -> arithmetic(operator, left, right);
        };
    }

    private static Object logical(BinaryOperator operator, Object left, Object right) {
        Boolean l = Values.toBool(left);
        Boolean r = Values.toBool(right);
        if (l == null || r == null) {
            return Unknown.of("operator " + operator.symbol() + " needs bools");
        }
        return operator == BinaryOperator.AND ? l && r : l || r;
    }

    private static Object arithmetic(BinaryOperator operator, Object left, Object right) {
        BigDecimal l = Values.toNumber(left);
        BigDecimal r = Values.toNumber(right);
        if (l == null || r == null) {
            return Unknown.of("operator " + operator.symbol() + " needs numbers, found " + Values.typeName(left)
                    + " and " + Values.typeName(right));
        }
        return switch (operator) {
            case ADD -> l.add(r);
            case SUBTRACT -> l.subtract(r);
            case MULTIPLY -> l.multiply(r);
            case DIVIDE -> r.signum() == 0 ? Unknown.of("division by zero") : Evaluator.divide(l, r);
            case MODULO -> r.signum() == 0 ? Unknown.of("modulo by zero") : l.remainder(r);
            case LESS -> l.compareTo(r) < 0;
            case GREATER -> l.compareTo(r) > 0;
            case LESS_OR_EQUAL -> l.compareTo(r) <= 0;
            case GREATER_OR_EQUAL -> l.compareTo(r) >= 0;
            default -> throw new IllegalStateException(operator.name());
        };
    }

    static Object unary(UnaryOperator operator, Object value) {
        Object operand = Values.force(value);
        if (operand instanceof Unknown u) {
            return new Unknown(u.reason(), u.references(), null);
        }
        if (operator == UnaryOperator.NOT) {
            Boolean b = Values.toBool(operand);
            return b == null ? Unknown.of("! needs a bool") : !b;
        }
        BigDecimal n = Values.toNumber(operand);
        return n == null ? Unknown.of("- needs a number") : n.negate();
    }
}
