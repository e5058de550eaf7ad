package dev.roleplan.input.hcl.syntax;

import java.math.BigDecimal;
import java.util.List;

/**
 * The expression forms of HCL's native syntax. Each is a record with its source range; the tree keeps what
 * was written (nothing is evaluated here), so an evaluator can decide what is known and what is not.
 */
public sealed interface Expression {

    SourceRange range();

    /** A number ({@link BigDecimal}), {@code true}/{@code false} ({@link Boolean}) or {@code null} (Java null). */
    record LiteralValue(Object value, SourceRange range) implements Expression {
        public LiteralValue {
            if (value != null && !(value instanceof BigDecimal) && !(value instanceof Boolean)) {
                throw new IllegalArgumentException("literal must be a number, a bool or null: " + value);
            }
        }
    }

    /**
     * A quoted string or a heredoc. Escapes are decoded, strip markers applied and heredoc indentation
     * removed, so literal parts hold the final text. A template with no interpolation or directive is a
     * plain string ({@link #isStringLiteral()}).
     */
    record TemplateExpr(List<TemplatePart> parts, boolean heredoc, SourceRange range) implements Expression {
        public TemplateExpr {
            parts = List.copyOf(parts);
        }

        public boolean isStringLiteral() {
            return parts.isEmpty() || (parts.size() == 1 && parts.get(0) instanceof TemplatePart.Literal);
        }

        /** The string of a template that {@link #isStringLiteral() is a string literal}. */
        public String literalValue() {
            if (!isStringLiteral()) {
                throw new IllegalStateException("template has interpolations or directives");
            }
            return parts.isEmpty() ? "" : ((TemplatePart.Literal) parts.get(0)).text();
        }
    }

    /**
     * A template made of one interpolation and nothing else ({@code "${x}"}): its value is the value of the
     * wrapped expression, not converted to a string.
     */
    record TemplateWrap(Expression wrapped, SourceRange range) implements Expression {
    }

    /** A variable and the attribute and constant index steps that follow it: {@code var.list[0].name}. */
    record ScopeTraversal(String root, List<TraversalStep> steps, SourceRange range) implements Expression {
        public ScopeTraversal {
            steps = List.copyOf(steps);
        }
    }

    /** Attribute and constant index steps applied to the result of another expression: {@code f(x).id}. */
    record RelativeTraversal(Expression source, List<TraversalStep> steps, SourceRange range)
            implements Expression {
        public RelativeTraversal {
            steps = List.copyOf(steps);
        }
    }

    /**
     * {@code name(args)}; {@code expandFinal} when the last argument is followed by {@code ...}. Provider
     * functions keep their namespace in the name ({@code provider::aws::arn_parse}).
     */
    record FunctionCall(String name, List<Expression> args, boolean expandFinal, SourceRange nameRange,
            SourceRange range) implements Expression {
        public FunctionCall {
            args = List.copyOf(args);
        }
    }

    /** {@code condition ? trueResult : falseResult}. */
    record Conditional(Expression condition, Expression trueResult, Expression falseResult, SourceRange range)
            implements Expression {
    }

    record BinaryOp(BinaryOperator operator, Expression left, Expression right, SourceRange range)
            implements Expression {
    }

    record UnaryOp(UnaryOperator operator, Expression operand, SourceRange range) implements Expression {
    }

    /** {@code [a, b, c]}. */
    record TupleCons(List<Expression> items, SourceRange range) implements Expression {
        public TupleCons {
            items = List.copyOf(items);
        }
    }

    /**
     * {@code {k = v, ...}}. A key written as a bare identifier is a {@link ScopeTraversal} with no steps and
     * means the literal name; to use a variable's value as key, HCL requires parentheses, which arrive here
     * as a {@link Parenthesized} key.
     */
    record ObjectCons(List<ObjectItem> items, SourceRange range) implements Expression {
        public ObjectCons {
            items = List.copyOf(items);
        }
    }

    record ObjectItem(Expression key, Expression value, SourceRange range) {
        /** The literal name of a key written as a bare identifier, or null when the key is an expression. */
        public String bareName() {
            if (key instanceof ScopeTraversal traversal && traversal.steps().isEmpty()) {
                return traversal.root();
            }
            return null;
        }
    }

    /**
     * {@code [for k, v in coll : value if cond]} (keyExpr null) or
     * {@code {for k, v in coll : key => value... if cond}}. keyVar and condition may be null.
     */
    record ForExpr(String keyVar, String valueVar, Expression collection, Expression keyExpr,
            Expression valueExpr, Expression condition, boolean grouping, SourceRange range)
            implements Expression {

        public boolean isObject() {
            return keyExpr != null;
        }
    }

    /** {@code collection[key]} where the key is not a constant (constant keys become traversal steps). */
    record Index(Expression collection, Expression key, SourceRange range) implements Expression {
    }

    /**
     * {@code source[*].each} (full) or {@code source.*.each} (attribute-only). {@code each} is applied to every
     * element; inside it the element is the {@link SplatItem}.
     */
    record Splat(Expression source, Expression each, boolean full, SourceRange range) implements Expression {
    }

    /** Stands for the current element inside a {@link Splat}'s {@code each}. */
    record SplatItem(SourceRange range) implements Expression {
    }

    /** {@code (inner)}: kept because an object key in parentheses is an expression, not a name. */
    record Parenthesized(Expression inner, SourceRange range) implements Expression {
    }

    enum UnaryOperator {
        NEGATE("-"), NOT("!");

        private final String symbol;

        UnaryOperator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** Binary operators with HCL's precedence levels (higher binds tighter); all are left-associative. */
    enum BinaryOperator {
        OR("||", 1), AND("&&", 2), EQUAL("==", 3), NOT_EQUAL("!=", 3),
        LESS("<", 4), GREATER(">", 4), LESS_OR_EQUAL("<=", 4), GREATER_OR_EQUAL(">=", 4),
        ADD("+", 5), SUBTRACT("-", 5), MULTIPLY("*", 6), DIVIDE("/", 6), MODULO("%", 6);

        private final String symbol;
        private final int precedence;

        BinaryOperator(String symbol, int precedence) {
            this.symbol = symbol;
            this.precedence = precedence;
        }

        public String symbol() {
            return symbol;
        }

        public int precedence() {
            return precedence;
        }
    }
}
