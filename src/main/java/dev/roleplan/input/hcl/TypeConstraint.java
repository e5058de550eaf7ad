package dev.roleplan.input.hcl;

import dev.roleplan.input.hcl.syntax.Expression;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A variable's {@code type} applied to its value, as Terraform converts it: primitives converted,
 * {@code object({...})} attributes completed with their {@code optional(type, default)} defaults (or null)
 * and stripped of undeclared ones, sets of strings sorted. Modules such as terraform-aws-modules rely on the
 * optional attributes being present. A type roleplan does not understand leaves the value as it is.
 */
final class TypeConstraint {

    private TypeConstraint() {
    }

    static Object convert(Expression type, Object value, Scope scope) {
        if (type == null || value == null || value instanceof Unknown) {
            return value;
        }
        Object forced = Values.force(value);
        if (type instanceof Expression.ScopeTraversal t && t.steps().isEmpty()) {
            return switch (t.root()) {
                case "string" -> {
                    String s = Values.toStringValue(forced);
                    yield s != null ? s : forced;
                }
                case "number" -> {
                    BigDecimal n = Values.toNumber(forced);
                    yield n != null ? n : forced;
                }
                case "bool" -> {
                    Boolean b = Values.toBool(forced);
                    yield b != null ? b : forced;
                }
                default -> forced;
            };
        }
        if (!(type instanceof Expression.FunctionCall call) || call.args().isEmpty()) {
            return forced;
        }
        Expression element = call.args().get(0);
        return switch (call.name()) {
            case "list" -> forced instanceof List<?> list ? convertAll(element, list, scope) : forced;
            case "set" -> forced instanceof List<?> list ? set(convertAll(element, list, scope)) : forced;
            case "map" -> forced instanceof Map<?, ?> map ? convertValues(element, map, scope) : forced;
            case "object" -> forced instanceof Map<?, ?> map && element instanceof Expression.ObjectCons attributes
                    ? object(attributes, map, scope) : forced;
            case "tuple" -> forced instanceof List<?> list && element instanceof Expression.TupleCons types
                    ? tuple(types, list, scope) : forced;
            default -> forced;
        };
    }

    private static List<Object> convertAll(Expression element, List<?> list, Scope scope) {
        List<Object> out = new ArrayList<>(list.size());
        for (Object item : list) {
            out.add(convert(element, item, scope));
        }
        return out;
    }

    private static Object set(List<Object> list) {
        if (list.stream().allMatch(e -> e instanceof String)) {
            TreeSet<String> sorted = new TreeSet<>();
            list.forEach(e -> sorted.add((String) e));
            return new ArrayList<Object>(sorted);
        }
        return list;
    }

    private static Map<String, Object> convertValues(Expression element, Map<?, ?> map, Scope scope) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), convert(element, v, scope)));
        return out;
    }

    private static Object tuple(Expression.TupleCons types, List<?> list, Scope scope) {
        if (types.items().size() != list.size()) {
            return list;
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(convert(types.items().get(i), list.get(i), scope));
        }
        return out;
    }

    private static Object object(Expression.ObjectCons attributes, Map<?, ?> value, Scope scope) {
        // the converted object is still the one written there: keep its position for statements built from it
        Map<String, Object> out = value instanceof PositionedMap p ? new PositionedMap(p.range()) : new LinkedHashMap<>();
        for (Expression.ObjectItem item : attributes.items()) {
            String name = item.bareName();
            if (name == null) {
                Object key = Evaluator.eval(item.key(), scope);
                name = Values.toStringValue(key);
                if (name == null) {
                    return value;
                }
            }
            Expression attributeType = item.value();
            boolean optional = attributeType instanceof Expression.FunctionCall f && f.name().equals("optional")
                    && !f.args().isEmpty();
            if (optional) {
                Expression.FunctionCall f = (Expression.FunctionCall) attributeType;
                attributeType = f.args().get(0);
                Object present = value.get(name);
                if (present == null) {
                    Object fallback = f.args().size() > 1 ? Evaluator.eval(f.args().get(1), scope) : null;
                    out.put(name, convert(attributeType, fallback, scope));
                    continue;
                }
            }
            if (value.containsKey(name)) {
                out.put(name, convert(attributeType, value.get(name), scope));
            }
        }
        return out;
    }
}
