package dev.roleplan.input.hcl;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** {@code jsonencode} and {@code jsondecode} as Terraform does them. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Json() {
    }

    /**
     * Compact JSON with object keys sorted and {@code < > &} escaped, as Terraform writes it. An unknown
     * string leaf with a placeholder is written as that text (so a policy keeps its known parts); any other
     * unknown makes the whole result unknown.
     */
    static Object encode(Object value) {
        return encode(value, true, new ArrayList<>());
    }

    /**
     * Like {@link #encode(Object)}; with {@code sortKeys} false, maps keep their order (provider-rendered JSON).
     * Adds to {@code statements} where each statement of a policy document was written (null for one with no
     * position), when the value is a policy document.
     */
    static Object encode(Object value, boolean sortKeys, List<dev.roleplan.model.SourceLocation> statements) {
        Object tree = Values.deep(value);
        statementPositions(tree, statements);
        List<Unknown> unknowns = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        boolean shaped = write(tree, out, unknowns, sortKeys);
        if (unknowns.isEmpty()) {
            return out.toString();
        }
        Set<dev.roleplan.model.Reference> references = new LinkedHashSet<>();
        for (Unknown u : unknowns) {
            references.addAll(u.references());
        }
        return new Unknown(unknowns.get(0).reason(), new ArrayList<>(references), shaped ? out.toString() : null);
    }

    private static boolean write(Object value, StringBuilder out, List<Unknown> unknowns, boolean sortKeys) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof BigDecimal d) {
            out.append(Values.formatNumber(d));
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else if (value instanceof List<?> list) {
            out.append('[');
            boolean shaped = true;
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                shaped &= write(list.get(i), out, unknowns, sortKeys);
            }
            out.append(']');
            return shaped;
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = sortKeys ? new TreeMap<>() : new LinkedHashMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            out.append('{');
            boolean first = true;
            boolean shaped = true;
            for (Map.Entry<String, Object> entry : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(entry.getKey(), out);
                out.append(':');
                shaped &= write(entry.getValue(), out, unknowns, sortKeys);
            }
            out.append('}');
            return shaped;
        } else if (value instanceof Unknown u) {
            unknowns.add(u);
            if (u.text() == null) {
                out.append("null");
                return false;
            }
            string(u.text(), out);
        } else {
            throw new IllegalStateException("cannot encode " + value.getClass());
        }
        return true;
    }

    private static void statementPositions(Object tree, List<dev.roleplan.model.SourceLocation> into) {
        if (!(tree instanceof Map<?, ?> document) || !document.containsKey("Statement")) {
            return;
        }
        Object statements = document.get("Statement");
        List<?> list = statements instanceof List<?> l ? l : java.util.Collections.singletonList(statements);
        for (Object statement : list) {
            into.add(statement instanceof PositionedMap p && p.range() != null
                    ? new dev.roleplan.model.SourceLocation(p.range().file(), p.range().line()) : null);
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A JSON text's value; {@code value} is null for the text {@code null}. */
    record Decoded(Object value) {
    }

    /** The value a JSON text stands for, from one parse; empty when the text is not JSON. */
    static Optional<Decoded> decode(String text) {
        JsonNode tree = tree(text);
        return tree == null ? Optional.empty() : Optional.of(new Decoded(fromNode(tree)));
    }

    static boolean isJson(String text) {
        return tree(text) != null;
    }

    private static JsonNode tree(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static Object fromNode(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), fromNode(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(n -> list.add(fromNode(n)));
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }
}
