package dev.roleplan.input.hcl.syntax;

import java.math.BigDecimal;
import java.util.List;

/**
 * Prints a syntax tree as a compact S-expression, for tests and debugging. Traversals print as written
 * ({@code var.a[0]}), plain strings as quoted text, everything else as {@code (form child ...)}.
 */
public final class SyntaxPrinter {

    private SyntaxPrinter() {
    }

    public static String print(Body body) {
        StringBuilder out = new StringBuilder();
        body(body, out);
        return out.toString();
    }

    public static String print(Expression expression) {
        StringBuilder out = new StringBuilder();
        expr(expression, out);
        return out.toString();
    }

    private static void body(Body body, StringBuilder out) {
        out.append("(body");
        for (BodyItem item : body.items()) {
            out.append(' ');
            if (item instanceof Attribute attribute) {
                out.append("(attr ").append(attribute.name()).append(' ');
                expr(attribute.value(), out);
                out.append(')');
            } else {
                Block block = (Block) item;
                out.append("(block ").append(block.type());
                for (Block.Label label : block.labels()) {
                    out.append(' ').append(label.quoted() ? quote(label.value()) : label.value());
                }
                out.append(' ');
                body(block.body(), out);
                out.append(')');
            }
        }
        out.append(')');
    }

    private static void expr(Expression e, StringBuilder out) {
        if (e instanceof Expression.LiteralValue literal) {
            out.append(literal(literal.value()));
        } else if (e instanceof Expression.TemplateExpr template) {
            if (template.isStringLiteral() && !template.heredoc()) {
                out.append(quote(template.literalValue()));
            } else {
                out.append(template.heredoc() ? "(heredoc" : "(template");
                parts(template.parts(), out);
                out.append(')');
            }
        } else if (e instanceof Expression.TemplateWrap wrap) {
            form(out, "wrap", wrap.wrapped());
        } else if (e instanceof Expression.ScopeTraversal traversal) {
            out.append(traversal.root());
            steps(traversal.steps(), out);
        } else if (e instanceof Expression.RelativeTraversal traversal) {
            out.append("(rel ");
            expr(traversal.source(), out);
            out.append(' ');
            steps(traversal.steps(), out);
            out.append(')');
        } else if (e instanceof Expression.FunctionCall call) {
            out.append("(call ").append(call.name());
            for (Expression arg : call.args()) {
                out.append(' ');
                expr(arg, out);
            }
            out.append(call.expandFinal() ? " ...)" : ")");
        } else if (e instanceof Expression.Conditional c) {
            form(out, "?", c.condition(), c.trueResult(), c.falseResult());
        } else if (e instanceof Expression.BinaryOp op) {
            form(out, op.operator().symbol(), op.left(), op.right());
        } else if (e instanceof Expression.UnaryOp op) {
            form(out, op.operator() == Expression.UnaryOperator.NEGATE ? "neg" : "!", op.operand());
        } else if (e instanceof Expression.TupleCons tuple) {
            form(out, "tuple", tuple.items().toArray(new Expression[0]));
        } else if (e instanceof Expression.ObjectCons object) {
            out.append("(object");
            for (Expression.ObjectItem item : object.items()) {
                out.append(" (");
                expr(item.key(), out);
                out.append(' ');
                expr(item.value(), out);
                out.append(')');
            }
            out.append(')');
        } else if (e instanceof Expression.ForExpr f) {
            forExpr(f, out);
        } else if (e instanceof Expression.Index index) {
            form(out, "index", index.collection(), index.key());
        } else if (e instanceof Expression.Splat splat) {
            form(out, splat.full() ? "splat[*]" : "splat.*", splat.source(), splat.each());
        } else if (e instanceof Expression.SplatItem) {
            out.append('@');
        } else if (e instanceof Expression.Parenthesized paren) {
            form(out, "paren", paren.inner());
        } else {
            throw new IllegalStateException("unknown expression " + e);
        }
    }

    private static void forExpr(Expression.ForExpr f, StringBuilder out) {
        out.append(f.isObject() ? "(for {" : "(for [");
        if (f.keyVar() != null) {
            out.append(f.keyVar()).append(' ');
        }
        out.append(f.valueVar()).append(f.isObject() ? "} " : "] ");
        expr(f.collection(), out);
        if (f.isObject()) {
            out.append(' ');
            expr(f.keyExpr(), out);
        }
        out.append(' ');
        expr(f.valueExpr(), out);
        if (f.grouping()) {
            out.append(" ...");
        }
        if (f.condition() != null) {
            out.append(" (if ");
            expr(f.condition(), out);
            out.append(')');
        }
        out.append(')');
    }

    private static void parts(List<TemplatePart> parts, StringBuilder out) {
        for (TemplatePart part : parts) {
            out.append(' ');
            if (part instanceof TemplatePart.Literal literal) {
                out.append(quote(literal.text()));
            } else if (part instanceof TemplatePart.Interpolation interpolation) {
                form(out, "interp", interpolation.expression());
            } else if (part instanceof TemplatePart.If directive) {
                out.append("(if ");
                expr(directive.condition(), out);
                out.append(" (then");
                parts(directive.then(), out);
                out.append(')');
                if (!directive.otherwise().isEmpty()) {
                    out.append(" (else");
                    parts(directive.otherwise(), out);
                    out.append(')');
                }
                out.append(')');
            } else {
                TemplatePart.For loop = (TemplatePart.For) part;
                out.append("(for ");
                if (loop.keyVar() != null) {
                    out.append(loop.keyVar()).append(' ');
                }
                out.append(loop.valueVar()).append(' ');
                expr(loop.collection(), out);
                parts(loop.body(), out);
                out.append(')');
            }
        }
    }

    private static void steps(List<TraversalStep> steps, StringBuilder out) {
        for (TraversalStep step : steps) {
            if (step instanceof TraversalStep.GetAttr attr) {
                out.append('.').append(attr.name());
            } else {
                Object key = ((TraversalStep.IndexStep) step).key();
                out.append('[').append(key instanceof String s ? quote(s) : literal(key)).append(']');
            }
        }
    }

    private static void form(StringBuilder out, String head, Expression... children) {
        out.append('(').append(head);
        for (Expression child : children) {
            out.append(' ');
            expr(child, out);
        }
        out.append(')');
    }

    private static String literal(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return value.toString();
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
