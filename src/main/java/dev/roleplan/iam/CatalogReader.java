package dev.roleplan.iam;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Streaming reader for {@code iam-catalog.json} (format 2, see {@code tools/iam-data/extract.mjs}).
 * Token by token, without building a JSON tree: the catalog is read on every run that evaluates policies,
 * so this is the start-up cost that matters. Unknown fields are skipped, so the generator may add data
 * without breaking older readers of the same format.
 */
final class CatalogReader {

    static final int SUPPORTED_FORMAT = 2;

    private final JsonParser parser;
    final Map<String, ServiceInfo> services = new TreeMap<>();
    final Map<String, ConditionKey> globals = new TreeMap<>();
    int format = -1;

    private CatalogReader(JsonParser parser) {
        this.parser = parser;
    }

    static CatalogReader read(InputStream json) throws IOException {
        try (JsonParser parser = BundledJson.PARSING.createParser(json)) {
            CatalogReader reader = new CatalogReader(parser);
            reader.readRoot();
            return reader;
        }
    }

    private void readRoot() throws IOException {
        expect(parser.nextToken(), JsonToken.START_OBJECT, "the catalog");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "format" -> format = parser.getIntValue();
                case "globalConditionKeys" -> readGlobals(value);
                case "services" -> {
                    expect(value, JsonToken.START_OBJECT, "services");
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String prefix = parser.currentName().intern();
                        expect(parser.nextToken(), JsonToken.START_OBJECT, "service " + prefix);
                        services.put(prefix, readService(prefix));
                    }
                }
                default -> parser.skipChildren();
            }
        }
    }

    private void readGlobals(JsonToken start) throws IOException {
        expect(start, JsonToken.START_OBJECT, "globalConditionKeys");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            expect(parser.nextToken(), JsonToken.START_OBJECT, "global condition key " + key);
            String type = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("type")) {
                    type = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
            globals.put(key, new ConditionKey(key, keyType(type, key), true));
        }
    }

    /** An action as read, resolved against the service's resource types once those are read too. */
    private record RawAction(String name, String access, String accessRaw, List<String> resourceTypes,
                             Map<String, List<String>> resourceTypeConditionKeys, List<String> conditionKeys) {
    }

    private ServiceInfo readService(String prefix) throws IOException {
        String name = prefix;
        List<RawAction> rawActions = new ArrayList<>();
        Map<String, ResourceType> resourceTypes = new TreeMap<>();
        Map<String, ConditionKeyType> conditionKeys = new TreeMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "name" -> name = parser.getText();
                case "actions" -> {
                    expect(value, JsonToken.START_OBJECT, prefix + " actions");
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String action = parser.currentName();
                        expect(parser.nextToken(), JsonToken.START_OBJECT, prefix + ":" + action);
                        rawActions.add(readAction(action));
                    }
                }
                case "resourceTypes" -> {
                    expect(value, JsonToken.START_OBJECT, prefix + " resourceTypes");
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String type = parser.currentName();
                        expect(parser.nextToken(), JsonToken.START_OBJECT, prefix + " resource type " + type);
                        resourceTypes.put(type, readResourceType(prefix, type));
                    }
                }
                case "conditionKeys" -> {
                    expect(value, JsonToken.START_OBJECT, prefix + " conditionKeys");
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String key = parser.currentName();
                        parser.nextToken();
                        conditionKeys.put(key, keyType(parser.getText(), key));
                    }
                }
                default -> parser.skipChildren();
            }
        }
        Map<String, ActionInfo> actions = new TreeMap<>();
        for (RawAction raw : rawActions) {
            actions.put(raw.name().toLowerCase(Locale.ROOT), resolve(prefix, raw, resourceTypes));
        }
        return new ServiceInfo(prefix, name, List.copyOf(actions.values()),
                Collections.unmodifiableMap(resourceTypes), Collections.unmodifiableMap(conditionKeys));
    }

    private RawAction readAction(String name) throws IOException {
        String access = null;
        String accessRaw = null;
        List<String> resourceTypes = List.of();
        Map<String, List<String>> rtConditionKeys = Map.of();
        List<String> conditionKeys = List.of();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "access" -> access = parser.getText();
                case "accessRaw" -> accessRaw = parser.getText();
                case "resourceTypes" -> resourceTypes = strings(value, name);
                case "conditionKeys" -> conditionKeys = strings(value, name);
                case "resourceTypeConditionKeys" -> {
                    expect(value, JsonToken.START_OBJECT, name + " resourceTypeConditionKeys");
                    rtConditionKeys = new TreeMap<>();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String type = parser.currentName();
                        rtConditionKeys.put(type, strings(parser.nextToken(), name));
                    }
                }
                default -> parser.skipChildren();
            }
        }
        return new RawAction(name, access, accessRaw, resourceTypes, rtConditionKeys, conditionKeys);
    }

    private ResourceType readResourceType(String prefix, String name) throws IOException {
        String arn = null;
        List<String> conditionKeys = List.of();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "arn" -> arn = parser.getText();
                case "conditionKeys" -> conditionKeys = strings(value, prefix + " " + name);
                default -> parser.skipChildren();
            }
        }
        if (arn == null) {
            throw new IamDataException("IAM action catalog: resource type " + prefix + " " + name + " has no ARN format");
        }
        return new ResourceType(prefix, name, new ArnFormat(arn), conditionKeys);
    }

    private static ActionInfo resolve(String prefix, RawAction raw, Map<String, ResourceType> types) {
        String where = prefix + ":" + raw.name();
        AccessLevel level = AccessLevel.fromDisplayName(raw.access()).orElseThrow(() ->
                new IamDataException("IAM action catalog: " + where + " has unknown access level \"" + raw.access() + "\""));
        List<ActionResourceType> rts = new ArrayList<>(raw.resourceTypes().size());
        for (String ref : raw.resourceTypes()) {
            boolean required = ref.endsWith("*");
            String typeName = required ? ref.substring(0, ref.length() - 1) : ref;
            ResourceType type = types.get(typeName);
            if (type == null) {
                throw new IamDataException("IAM action catalog: " + where + " names undefined resource type " + typeName);
            }
            rts.add(new ActionResourceType(type, required,
                    raw.resourceTypeConditionKeys().getOrDefault(typeName, List.of())));
        }
        return new ActionInfo(prefix, raw.name(), level, raw.accessRaw() == null ? raw.access() : raw.accessRaw(),
                rts, raw.conditionKeys());
    }

    private List<String> strings(JsonToken start, String where) throws IOException {
        expect(start, JsonToken.START_ARRAY, where);
        List<String> out = new ArrayList<>(4);
        while (parser.nextToken() == JsonToken.VALUE_STRING) {
            out.add(parser.getText());
        }
        expect(parser.currentToken(), JsonToken.END_ARRAY, where);
        return out;
    }

    private static ConditionKeyType keyType(String raw, String key) {
        if (raw == null) {
            throw new IamDataException("IAM action catalog: condition key " + key + " has no type");
        }
        try {
            return ConditionKeyType.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new IamDataException("IAM action catalog: condition key " + key + ": " + e.getMessage(), e);
        }
    }

    private void expect(JsonToken actual, JsonToken expected, String what) {
        if (actual != expected) {
            throw new IamDataException("IAM action catalog: expected " + expected + " in " + what + ", found " + actual
                    + " at " + parser.currentLocation().offsetDescription());
        }
    }
}
