package dev.roleplan.input.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roleplan.model.Reference;
import dev.roleplan.model.UnknownValue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a plan's JSON attribute tree into the model's value tree: strings, BigDecimal numbers, booleans,
 * lists, maps, null, and {@link UnknownValue} wherever {@code after_unknown} says "known after apply",
 * with the absolute references of the configuration expression that computes it.
 */
final class ValueConverter {

    static final String UNKNOWN_REASON = "known after apply";

    private final ReferenceFollower follower;
    private final String modulePath;
    private final String ownKey;

    ValueConverter(ReferenceFollower follower, String modulePath, String ownKey) {
        this.follower = follower;
        this.modulePath = modulePath;
        this.ownKey = ownKey;
    }

    /** A resource's top-level attributes: {@code values} overlaid with {@code unknown}; null when values is null. */
    Map<String, Object> attributes(JsonNode values, JsonNode unknown, JsonNode expressions) {
        if (values == null || !values.isObject()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) convert(values, unknown, expressions);
        return map;
    }

    Object convert(JsonNode value, JsonNode unknown, JsonNode expression) {
        if (unknown != null && unknown.isBoolean() && unknown.booleanValue()) {
            return new UnknownValue(UNKNOWN_REASON, references(expression));
        }
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey();
                map.put(key, convert(field.getValue(), child(unknown, key), childExpression(expression, key)));
            }
            if (unknown != null && unknown.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> marks = unknown.fields();
                while (marks.hasNext()) {
                    Map.Entry<String, JsonNode> mark = marks.next();
                    if (!map.containsKey(mark.getKey()) && mark.getValue().isBoolean() && mark.getValue().booleanValue()) {
                        map.put(mark.getKey(), new UnknownValue(UNKNOWN_REASON,
                                references(childExpression(expression, mark.getKey()))));
                    }
                }
            }
            return map;
        }
        if (value.isArray()) {
            List<Object> list = new ArrayList<>(value.size());
            for (int i = 0; i < value.size(); i++) {
                JsonNode elementUnknown = unknown != null && unknown.isArray() ? unknown.get(i) : null;
                list.add(convert(value.get(i), elementUnknown, childExpression(expression, i)));
            }
            return list;
        }
        return scalar(value);
    }

    /** A configuration constant as a value tree (no unknowns). */
    static Object plain(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            value.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
            return map;
        }
        if (value.isArray()) {
            List<Object> list = new ArrayList<>(value.size());
            value.forEach(v -> list.add(plain(v)));
            return list;
        }
        return scalar(value);
    }

    private static Object scalar(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return value.asText();
    }

    private List<Reference> references(JsonNode expression) {
        return expression == null || follower == null ? List.of() : follower.follow(modulePath, expression, ownKey);
    }

    private static JsonNode child(JsonNode node, String key) {
        return node != null && node.isObject() ? node.get(key) : null;
    }

    /** The expression that covers a child: the same expression when it is a leaf expression, else the block's part. */
    static JsonNode childExpression(JsonNode expression, String key) {
        if (expression == null) {
            return null;
        }
        if (isLeafExpression(expression)) {
            return expression;
        }
        return expression.isObject() ? expression.get(key) : null;
    }

    static JsonNode childExpression(JsonNode expression, int index) {
        if (expression == null) {
            return null;
        }
        if (isLeafExpression(expression)) {
            return expression;
        }
        return expression.isArray() ? expression.get(index) : null;
    }

    static boolean isLeafExpression(JsonNode expression) {
        return expression.isObject() && (expression.has("references") || expression.has("constant_value"));
    }

    /** Adds every string (and number text) under {@code value} where {@code mask} marks it sensitive. */
    static void collectSensitive(JsonNode value, JsonNode mask, Set<String> into) {
        if (value == null || mask == null) {
            return;
        }
        if (mask.isBoolean()) {
            if (mask.booleanValue()) {
                collectAll(value, into);
            }
            return;
        }
        if (mask.isObject() && value.isObject()) {
            mask.fields().forEachRemaining(e -> collectSensitive(value.get(e.getKey()), e.getValue(), into));
        } else if (mask.isArray() && value.isArray()) {
            for (int i = 0; i < mask.size() && i < value.size(); i++) {
                collectSensitive(value.get(i), mask.get(i), into);
            }
        }
    }

    static void collectAll(JsonNode value, Set<String> into) {
        if (value == null) {
            return;
        }
        if (value.isContainerNode()) {
            value.forEach(v -> collectAll(v, into));
        } else if (value.isTextual()) {
            if (!value.textValue().isEmpty()) {
                into.add(value.textValue());
            }
        } else if (value.isNumber()) {
            into.add(value.decimalValue().toPlainString());
        }
    }
}
