package dev.roleplan.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roleplan.model.ContainerDefinition;
import dev.roleplan.model.ContainerDefinition.EnvironmentFile;
import dev.roleplan.model.ContainerDefinition.EnvironmentVariable;
import dev.roleplan.model.ContainerDefinition.LogConfiguration;
import dev.roleplan.model.ContainerDefinition.Secret;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses an ECS {@code container_definitions} value, shared by both front ends: the JSON string the AWS
 * provider stores (minified), heredoc or pretty JSON text, or an already-parsed list. Bad content never
 * throws: it becomes a problem string for the task definition, which is still reported. Problems never
 * quote the input, because environment values are often credentials.
 */
public final class ContainerDefinitionsParser {

    /** Containers that could be understood, and what could not. */
    public record Result(List<ContainerDefinition> containers, List<String> problems) {
        public Result {
            containers = List.copyOf(containers);
            problems = List.copyOf(problems);
        }
    }

    private static final Set<String> KNOWN_FIELDS = Set.of("name", "image", "essential", "privileged",
            "logConfiguration", "secrets", "environment", "environmentFiles", "repositoryCredentials");
    private static final Set<String> NUMERIC_FIELDS = Set.of("cpu", "memory", "memoryReservation", "startTimeout",
            "stopTimeout");

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
            .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private ContainerDefinitionsParser() {
    }

    /** Parses a value: a JSON string, or a list/map tree (String, Number, Boolean, List, Map). */
    public static Result parseValue(Object value) {
        if (value instanceof String text) {
            return parse(text);
        }
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            return parse(MAPPER.valueToTree(value));
        }
        return new Result(List.of(), List.of("container_definitions is not a JSON string or list"));
    }

    public static Result parse(String json) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            // The parser's own message may quote input text, which can be a secret: describe only where.
            return new Result(List.of(), List.of("container_definitions is not valid JSON" + where));
        } catch (NumberFormatException e) {
            // a number such as 1e1000000000 cannot be a BigDecimal (found by ContainerDefinitionsFuzzTest)
            return new Result(List.of(), List.of("container_definitions has a number roleplan cannot represent"));
        }
        if (tree == null || tree.isMissingNode()) {
            return new Result(List.of(), List.of("container_definitions is empty"));
        }
        return parse(tree);
    }

    public static Result parse(JsonNode tree) {
        List<String> problems = new ArrayList<>();
        List<ContainerDefinition> containers = new ArrayList<>();
        JsonNode list = tree;
        if (tree.isObject() && tree.has("containerDefinitions")) {
            list = tree.get("containerDefinitions");
        } else if (tree.isObject()) {
            problems.add("container_definitions is a single object, not a list; read as one container");
            containers.add(container(tree, 0, problems));
            return new Result(containers, problems);
        }
        if (!list.isArray()) {
            problems.add("container_definitions is a JSON " + list.getNodeType().name().toLowerCase() + ", not a list of containers");
            return new Result(containers, problems);
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode element = list.get(i);
            if (!element.isObject()) {
                problems.add("container_definitions[" + i + "] is not an object");
                continue;
            }
            containers.add(container(element, i, problems));
        }
        return new Result(containers, problems);
    }

    private static ContainerDefinition container(JsonNode node, int index, List<String> problems) {
        String where = "container_definitions[" + index + "]";
        Map<String, Object> other = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (!KNOWN_FIELDS.contains(e.getKey())) {
                other.put(e.getKey(), NUMERIC_FIELDS.contains(e.getKey()) ? number(e.getValue()) : plain(e.getValue()));
            }
        });
        JsonNode credentials = node.get("repositoryCredentials");
        return new ContainerDefinition(
                text(node.get("name")),
                text(node.get("image")),
                bool(node.get("essential"), where + ".essential", problems),
                bool(node.get("privileged"), where + ".privileged", problems),
                logConfiguration(node.get("logConfiguration"), where, problems),
                secrets(node.get("secrets"), where + ".secrets", problems),
                environment(node.get("environment"), where, problems),
                environmentFiles(node.get("environmentFiles"), where + ".environmentFiles", problems),
                credentials == null ? null : text(credentials.get("credentialsParameter")),
                other);
    }

    private static LogConfiguration logConfiguration(JsonNode node, String where, List<String> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problems.add(where + ".logConfiguration is not an object");
            return null;
        }
        Map<String, String> options = new LinkedHashMap<>();
        JsonNode optionNode = node.get("options");
        if (optionNode != null && optionNode.isObject()) {
            optionNode.fields().forEachRemaining(e -> options.put(e.getKey(), text(e.getValue())));
        }
        return new LogConfiguration(text(node.get("logDriver")), options,
                secrets(node.get("secretOptions"), where + ".logConfiguration.secretOptions", problems));
    }

    private static List<Secret> secrets(JsonNode node, String where, List<String> problems) {
        List<Secret> secrets = new ArrayList<>();
        for (JsonNode entry : list(node, where, problems)) {
            secrets.add(new Secret(text(entry.get("name")), text(entry.get("valueFrom"))));
        }
        return secrets;
    }

    private static List<EnvironmentVariable> environment(JsonNode node, String where, List<String> problems) {
        List<EnvironmentVariable> environment = new ArrayList<>();
        for (JsonNode entry : list(node, where + ".environment", problems)) {
            environment.add(new EnvironmentVariable(text(entry.get("name")), text(entry.get("value"))));
        }
        return environment;
    }

    private static List<EnvironmentFile> environmentFiles(JsonNode node, String where, List<String> problems) {
        List<EnvironmentFile> files = new ArrayList<>();
        for (JsonNode entry : list(node, where, problems)) {
            files.add(new EnvironmentFile(text(entry.get("type")), text(entry.get("value"))));
        }
        return files;
    }

    /** The object entries of a list field; anything else is a problem (named by place only). */
    private static List<JsonNode> list(JsonNode node, String where, List<String> problems) {
        List<JsonNode> entries = new ArrayList<>();
        if (node == null || node.isNull()) {
            return entries;
        }
        if (!node.isArray()) {
            problems.add(where + " is not a list");
            return entries;
        }
        for (int i = 0; i < node.size(); i++) {
            if (node.get(i).isObject()) {
                entries.add(node.get(i));
            } else {
                problems.add(where + "[" + i + "] is not an object");
            }
        }
        return entries;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        return node.isNumber() ? node.decimalValue().toPlainString() : node.asText();
    }

    private static Boolean bool(JsonNode node, String where, List<String> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && (node.textValue().equalsIgnoreCase("true") || node.textValue().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(node.textValue().toLowerCase());
        }
        problems.add(where + " is not a boolean");
        return null;
    }

    private static Object number(JsonNode node) {
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.textValue().trim());
            } catch (NumberFormatException e) {
                return node.textValue();
            }
        }
        return plain(node);
    }

    private static Object plain(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(v -> list.add(plain(v)));
            return list;
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
