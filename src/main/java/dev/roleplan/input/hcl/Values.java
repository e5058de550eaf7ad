package dev.roleplan.input.hcl;

import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Conversions between evaluated values, as Terraform's type system does them. */
final class Values {

    private Values() {
    }

    /** A lazy object evaluated to a map; other values unchanged. */
    static Object force(Object value) {
        return value instanceof LazyObject lazy ? lazy.whole() : value;
    }

    /** The value with every lazy object inside evaluated. */
    static Object deep(Object value) {
        Object forced = force(value);
        if (forced instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object element : list) {
                out.add(deep(element));
            }
            return out;
        }
        if (forced instanceof Map<?, ?> map) {
            Map<String, Object> out = forced instanceof PositionedMap p ? new PositionedMap(p.range()) : new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.put(String.valueOf(entry.getKey()), deep(entry.getValue()));
            }
            return out;
        }
        return forced;
    }

    static String typeName(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof BigDecimal) {
            return "number";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof List<?>) {
            return "list";
        }
        if (value instanceof Map<?, ?> || value instanceof LazyObject) {
            return "object";
        }
        return "unknown value";
    }

    /** A primitive as Terraform converts it to a string; null for null, collections and unknowns. */
    static String toStringValue(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof BigDecimal d) {
            return formatNumber(d);
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        return null;
    }

    static String formatNumber(BigDecimal d) {
        BigDecimal stripped = d.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.toBigInteger().toString() : stripped.toPlainString();
    }

    static BigDecimal toNumber(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static Boolean toBool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if ("true".equals(value)) {
            return true;
        }
        if ("false".equals(value)) {
            return false;
        }
        return null;
    }

    /**
     * The key/value pairs a for expression or for_each walks: a list by index, a map or object by key in
     * lexical order (as Terraform iterates them).
     */
    static List<Map.Entry<Object, Object>> entries(Object collection) {
        Object forced = force(collection);
        List<Map.Entry<Object, Object>> out = new ArrayList<>();
        if (forced instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                out.add(new AbstractMap.SimpleImmutableEntry<>(BigDecimal.valueOf(i), list.get(i)));
            }
        } else if (forced instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            sorted.forEach((k, v) -> out.add(new AbstractMap.SimpleImmutableEntry<>(k, v)));
        }
        return out;
    }

    /** Deep equality as Terraform's == sees it (numbers by value). */
    static boolean equal(Object a, Object b) {
        Object x = deep(a);
        Object y = deep(b);
        if (x instanceof BigDecimal m && y instanceof BigDecimal n) {
            return m.compareTo(n) == 0;
        }
        if (x instanceof List<?> l && y instanceof List<?> r) {
            if (l.size() != r.size()) {
                return false;
            }
            for (int i = 0; i < l.size(); i++) {
                if (!equal(l.get(i), r.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (x instanceof Map<?, ?> l && y instanceof Map<?, ?> r) {
            if (!l.keySet().equals(r.keySet())) {
                return false;
            }
            for (Object key : l.keySet()) {
                if (!equal(l.get(key), r.get(key))) {
                    return false;
                }
            }
            return true;
        }
        return java.util.Objects.equals(x, y);
    }
}
