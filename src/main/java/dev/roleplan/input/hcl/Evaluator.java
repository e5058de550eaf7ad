package dev.roleplan.input.hcl;

import dev.roleplan.input.hcl.syntax.Expression;
import dev.roleplan.input.hcl.syntax.TemplatePart;
import dev.roleplan.input.hcl.syntax.TraversalStep;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Evaluates HCL expressions to values: String, BigDecimal, Boolean, List, Map (LinkedHashMap, keys in
 * Terraform's sorted order where Terraform sorts), null, {@link LazyObject} for objects evaluated on demand,
 * and {@link Unknown} for what is known only after apply. An unknown operand makes the result unknown with
 * the operand's references; it never becomes a guessed value.
 */
final class Evaluator {

    private static final String SPLAT_ITEM = "\u0000splat";

    private Evaluator() {
    }

    static Object eval(Expression expression, Scope scope) {
        if (expression instanceof Expression.LiteralValue literal) {
            return literal.value();
        } else if (expression instanceof Expression.TemplateExpr template) {
            return template(template.parts(), scope);
        } else if (expression instanceof Expression.TemplateWrap wrap) {
            return eval(wrap.wrapped(), scope);
        } else if (expression instanceof Expression.ScopeTraversal traversal) {
            return traverse(root(traversal, scope), traversal.steps());
        } else if (expression instanceof Expression.RelativeTraversal traversal) {
            return traverse(eval(traversal.source(), scope), traversal.steps());
        } else if (expression instanceof Expression.FunctionCall call) {
            return Functions.call(call, scope);
        } else if (expression instanceof Expression.Conditional conditional) {
            return conditional(conditional, scope);
        } else if (expression instanceof Expression.BinaryOp op) {
            return Operators.binary(op.operator(), eval(op.left(), scope), eval(op.right(), scope));
        } else if (expression instanceof Expression.UnaryOp op) {
            return Operators.unary(op.operator(), eval(op.operand(), scope));
        } else if (expression instanceof Expression.TupleCons tuple) {
            return tuple(tuple, scope);
        } else if (expression instanceof Expression.ObjectCons object) {
            return object(object, scope);
        } else if (expression instanceof Expression.ForExpr forExpr) {
            return forExpr(forExpr, scope);
        } else if (expression instanceof Expression.Index index) {
            return index(eval(index.collection(), scope), eval(index.key(), scope));
        } else if (expression instanceof Expression.Splat splat) {
            return splat(splat, scope);
        } else if (expression instanceof Expression.SplatItem) {
            return scope.root(SPLAT_ITEM);
        } else if (expression instanceof Expression.Parenthesized parenthesized) {
            return eval(parenthesized.inner(), scope);
        }
        throw new IllegalStateException("unhandled expression " + expression.getClass().getSimpleName());
    }

    private static Object root(Expression.ScopeTraversal traversal, Scope scope) {
        Object value = scope.root(traversal.root());
        if (value == Scope.UNDEFINED) {
            return Unknown.of("\"" + traversal.root() + "\" is not defined at " + traversal.range());
        }
        return value;
    }

    static Object traverse(Object value, List<TraversalStep> steps) {
        Object current = value;
        for (TraversalStep step : steps) {
            current = step instanceof TraversalStep.GetAttr attr ? getAttr(current, attr.name())
                    : index(current, ((TraversalStep.IndexStep) step).key());
        }
        return current;
    }

    static Object getAttr(Object value, String name) {
        if (value instanceof Unknown u) {
            // An attribute of an unknown object is unknown, computed from the same references.
            return new Unknown(u.reason(), u.references(), null);
        }
        if (value instanceof LazyObject lazy) {
            return lazy.get(name);
        }
        if (value instanceof Map<?, ?> map) {
            if (!map.containsKey(name)) {
                return Unknown.of("the object has no attribute \"" + name + "\"");
            }
            return map.get(name);
        }
        if (value == null) {
            return Unknown.of("attribute \"" + name + "\" of a null value");
        }
        return Unknown.of("attribute \"" + name + "\" of a " + Values.typeName(value));
    }

    static Object index(Object collection, Object key) {
        if (collection instanceof Unknown u) {
            return new Unknown(u.reason(), u.references(), null);
        }
        if (key instanceof Unknown u) {
            return Unknown.merge("the index is known only after apply", java.util.Arrays.asList(u, collection));
        }
        if (collection instanceof LazyObject lazy && key instanceof String s) {
            return lazy.get(s);
        }
        if (collection instanceof List<?> list) {
            BigDecimal number = Values.toNumber(key);
            if (number == null) {
                return Unknown.of("a list index must be a number");
            }
            int i;
            try {
                i = number.intValueExact();
            } catch (ArithmeticException e) {
                return Unknown.of("list index " + number + " is not a whole number");
            }
            if (i < 0 || i >= list.size()) {
                return Unknown.of("list index " + i + " is out of range (" + list.size() + " elements)");
            }
            return list.get(i);
        }
        if (collection instanceof Map<?, ?> map) {
            String k = Values.toStringValue(key);
            if (k == null || !map.containsKey(k)) {
                return Unknown.of("the map has no element \"" + k + "\"");
            }
            return map.get(k);
        }
        return Unknown.of("cannot index a " + Values.typeName(collection));
    }

    private static Object template(List<TemplatePart> parts, Scope scope) {
        StringBuilder text = new StringBuilder();
        List<Object> unknowns = new ArrayList<>();
        // a string built around a secret carries it into what functions make of the string (Session#interpolated);
        // collected always: evaluating the parts may be what first registers a secret
        List<String> pieces = new ArrayList<>();
        String built = appendParts(parts, scope, text, unknowns, pieces) ? text.toString() : null;
        if (built != null) {
            scope.files().session().interpolated(pieces, built);
        }
        if (unknowns.isEmpty()) {
            return built; // textual: with no unknown part, every part has a text
        }
        Unknown merged = Unknown.merge("known after apply", unknowns);
        return new Unknown(merged.reason(), merged.references(), built);
    }

    /**
     * Appends the parts' text; unknown parts go to {@code unknowns}, the interpolated texts to {@code pieces}. False
     * when the text cannot be shaped.
     */
    private static boolean appendParts(List<TemplatePart> parts, Scope scope, StringBuilder text, List<Object> unknowns,
                                       List<String> pieces) {
        boolean textual = true;
        for (TemplatePart part : parts) {
            if (part instanceof TemplatePart.Literal literal) {
                text.append(literal.text());
            } else if (part instanceof TemplatePart.Interpolation interpolation) {
                    Object value = Values.force(eval(interpolation.expression(), scope));
                    if (value instanceof Unknown u) {
                        unknowns.add(u);
                        if (u.text() == null) {
                            textual = false;
                        } else {
                            text.append(u.text());
                            pieces.add(u.text());
                        }
                    } else {
                        String s = Values.toStringValue(value);
                        if (s == null) {
                            unknowns.add(Unknown.of("a " + Values.typeName(value) + " cannot be interpolated into a string at "
                                    + interpolation.range()));
                            textual = false;
                        } else {
                            text.append(s);
                            pieces.add(s);
                        }
                    }
            } else if (part instanceof TemplatePart.If directive) {
                    Object condition = eval(directive.condition(), scope);
                    if (condition instanceof Boolean b) {
                        textual &= appendParts(b ? directive.then() : directive.otherwise(), scope, text, unknowns, pieces);
                    } else {
                        unknowns.add(condition instanceof Unknown ? condition : Unknown.of("a template condition is not a bool"));
                        textual = false;
                    }
            } else if (part instanceof TemplatePart.For directive) {
                    Object collection = Values.force(eval(directive.collection(), scope));
                    if (collection instanceof Unknown) {
                        unknowns.add(collection);
                        textual = false;
                        continue;
                    }
                    for (Map.Entry<Object, Object> entry : Values.entries(collection)) {
                        Map<String, Object> names = new LinkedHashMap<>();
                        if (directive.keyVar() != null) {
                            names.put(directive.keyVar(), entry.getKey());
                        }
                        names.put(directive.valueVar(), entry.getValue());
                        textual &= appendParts(directive.body(), scope.with(names), text, unknowns, pieces);
                    }
            }
        }
        return textual;
    }

    private static Object conditional(Expression.Conditional conditional, Scope scope) {
        Object condition = Values.force(eval(conditional.condition(), scope));
        if (condition instanceof Boolean b) {
            return eval(b ? conditional.trueResult() : conditional.falseResult(), scope);
        }
        if (condition instanceof Unknown u) {
            // Either branch may be taken: the result could come from any of them.
            return Unknown.merge(u.reason(), java.util.Arrays.asList(u, Values.force(eval(conditional.trueResult(), scope)),
                    Values.force(eval(conditional.falseResult(), scope))));
        }
        return Unknown.of("the condition at " + conditional.range() + " is not a bool");
    }

    private static Object tuple(Expression.TupleCons tuple, Scope scope) {
        List<Object> out = new ArrayList<>();
        for (Expression item : tuple.items()) {
            out.add(eval(item, scope));
        }
        return out;
    }

    private static Object object(Expression.ObjectCons object, Scope scope) {
        Map<String, Object> out = new PositionedMap(object.range());
        for (Expression.ObjectItem item : object.items()) {
            String name = item.bareName();
            if (name == null) {
                Object key = Values.force(eval(item.key(), scope));
                if (key instanceof Unknown u) {
                    return new Unknown("an object key is known only after apply", u.references(), null);
                }
                name = Values.toStringValue(key);
                if (name == null) {
                    return Unknown.of("an object key at " + item.range() + " is not a string");
                }
            }
            out.put(name, eval(item.value(), scope));
        }
        return out;
    }

    private static Object forExpr(Expression.ForExpr forExpr, Scope scope) {
        Object collection = Values.force(eval(forExpr.collection(), scope));
        if (collection instanceof Unknown u) {
            return new Unknown(u.reason(), u.references(), null);
        }
        List<Object> list = new ArrayList<>();
        Map<String, Object> map = new TreeMap<>();
        for (Map.Entry<Object, Object> entry : Values.entries(collection)) {
            Map<String, Object> names = new LinkedHashMap<>();
            if (forExpr.keyVar() != null) {
                names.put(forExpr.keyVar(), entry.getKey());
            }
            names.put(forExpr.valueVar(), entry.getValue());
            Scope inner = scope.with(names);
            if (forExpr.condition() != null) {
                Object keep = Values.force(eval(forExpr.condition(), inner));
                if (keep instanceof Unknown u) {
                    return new Unknown(u.reason(), u.references(), null);
                }
                if (!Boolean.TRUE.equals(keep)) {
                    continue;
                }
            }
            Object value = eval(forExpr.valueExpr(), inner);
            if (!forExpr.isObject()) {
                list.add(value);
                continue;
            }
            Object key = Values.force(eval(forExpr.keyExpr(), inner));
            if (key instanceof Unknown u) {
                return new Unknown(u.reason(), u.references(), null);
            }
            String k = Values.toStringValue(key);
            if (forExpr.grouping()) {
                @SuppressWarnings("unchecked")
                List<Object> group = (List<Object>) map.computeIfAbsent(k, x -> new ArrayList<>());
                group.add(value);
            } else if (map.containsKey(k)) {
                return Unknown.of("duplicate key \"" + k + "\" in the for expression at " + forExpr.range());
            } else {
                map.put(k, value);
            }
        }
        return forExpr.isObject() ? new LinkedHashMap<>(map) : list;
    }

    private static Object splat(Expression.Splat splat, Scope scope) {
        Object source = Values.force(eval(splat.source(), scope));
        if (source instanceof Unknown u) {
            return new Unknown(u.reason(), u.references(), null);
        }
        if (source == null) {
            return List.of();
        }
        List<?> items = source instanceof List<?> list ? list : List.of(source);
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            Map<String, Object> names = new LinkedHashMap<>();
            names.put(SPLAT_ITEM, item);
            out.add(eval(splat.each(), scope.with(names)));
        }
        return out;
    }

    static BigDecimal divide(BigDecimal a, BigDecimal b) {
        return a.divide(b, MathContext.DECIMAL128);
    }
}
