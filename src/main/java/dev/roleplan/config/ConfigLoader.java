package dev.roleplan.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.roleplan.engine.Severity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads {@code .roleplan.yml} strictly: an unknown key, a wrong type, a bad date or severity is a
 * {@link ConfigException} naming the file, the line and the key path, never a silently ignored setting.
 *
 * <pre>
 * fail-on: medium                 # critical | high | medium | low | info | never
 * disable: [RP104]
 * severity: {RP302: medium}
 * external-roles:
 *   - arn: arn:aws:iam::123456789012:role/shared
 *     policies:
 *       - arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy
 *       - {Version: "2012-10-17", Statement: [...]}      # or the JSON as a string
 * guardrails:
 *   - name: no-iam-writes
 *     role: task                   # execution | task | any (default any)
 *     actions: ["iam:*"]
 *     resources: ["*"]             # default ["*"]
 *     severity: critical           # default high
 *     reason: Tasks never manage IAM.
 * suppressions:
 *   - rule: RP302
 *     address: module.legacy.*     # glob over the task definition, role or policy address
 *     reason: Legacy worker, replaced in Q3 (JIRA-42).
 *     until: 2027-03-01            # optional; after that day the finding is reported again
 * </pre>
 */
public final class ConfigLoader {

    public static final String FILE_NAME = ".roleplan.yml";

    /** Built when a file is read: most runs have none, and the YAML mapper is tens of classes to load. */
    private static final class Mappers {
        static final ObjectMapper YAML = YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
        static final ObjectMapper JSON = new ObjectMapper()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    private ConfigLoader() {
    }

    /** {@code explicit} when given (it must exist), else {@code .roleplan.yml} in {@code directory} when present. */
    public static Config find(Path explicit, Path directory) {
        if (explicit != null) {
            return load(explicit);
        }
        Path candidate = directory.resolve(FILE_NAME);
        return Files.isRegularFile(candidate) ? load(candidate) : Config.empty();
    }

    public static Config load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    public static Config parse(String yaml, String name) {
        FileDto dto;
        try {
            JsonNode tree = Mappers.YAML.readTree(yaml);
            // An empty file (or only comments) is an empty configuration; anything else is mapped strictly.
            dto = tree == null || tree.isMissingNode() || tree.isNull() ? null : Mappers.YAML.readValue(yaml, FileDto.class);
        } catch (UnrecognizedPropertyException e) {
            Set<String> known = new TreeSet<>();
            e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            throw new ConfigException(keyLine(name, yaml, e) + "unknown key \"" + e.getPropertyName() + "\"" + at(e, true)
                    + "; expected one of: " + String.join(", ", known));
        } catch (JsonMappingException e) {
            throw new ConfigException(where(name, e) + "wrong type" + at(e, false) + ": " + expected(e));
        } catch (JsonProcessingException e) {
            if (e.getOriginalMessage().startsWith("Duplicate field")) {
                throw new ConfigException(where(name, e) + "duplicate key " + e.getOriginalMessage()
                        .substring("Duplicate field ".length()).replace('\'', '"'));
            }
            throw new ConfigException(where(name, e) + "not valid YAML: " + e.getOriginalMessage());
        }
        if (dto == null) {
            return new Config(name, null, Set.of(), Map.of(), List.of(), List.of(), List.of());
        }
        return new Validator(name, lines(yaml)).config(dto);
    }

    /** JSON pointer of every key and value → its 1-based line, so value errors can say where they are. */
    private static Map<String, Integer> lines(String yaml) {
        Map<String, Integer> lines = new java.util.HashMap<>();
        try (JsonParser p = Mappers.YAML.getFactory().createParser(yaml)) {
            while (p.nextToken() != null) {
                lines.putIfAbsent(p.getParsingContext().pathAsPointer().toString(), p.currentTokenLocation().getLineNr());
            }
        } catch (IOException e) {
            // Already parsed once successfully; without lines the messages still name the key path.
        }
        return lines;
    }

    /** What the schema wanted where the mismatch is, in the file's terms. */
    private static String expected(JsonMappingException e) {
        Class<?> type = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m ? m.getTargetType() : null;
        if (type == null) {
            return e.getOriginalMessage();
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "expected a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || type == JsonNode.class) {
            return "expected a mapping";
        }
        return "expected a single value";
    }

    /**
     * The line of an unknown key. The YAML parser reports where it stopped (often the next line), so look
     * back from there for the line that holds the key.
     */
    private static String keyLine(String name, String yaml, UnrecognizedPropertyException e) {
        if (e.getLocation() == null) {
            return name + ": ";
        }
        String[] lines = yaml.split("\n", -1);
        int reported = Math.min(e.getLocation().getLineNr(), lines.length);
        for (int i = reported; i >= 1; i--) {
            if (lines[i - 1].matches(".*(^|[\\s{,-])\"?" + java.util.regex.Pattern.quote(e.getPropertyName()) + "\"?\\s*:.*")) {
                return name + " line " + i + ": ";
            }
        }
        return where(name, e);
    }

    private static String where(String name, JsonProcessingException e) {
        return e.getLocation() == null ? name + ": " : name + " line " + e.getLocation().getLineNr() + ": ";
    }

    /** The key path of a mapping error, e.g. {@code suppressions[0].until}. */
    private static String at(JsonMappingException e, boolean parentOnly) {
        List<JsonMappingException.Reference> path = e.getPath();
        int end = parentOnly ? path.size() - 1 : path.size();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < end; i++) {
            JsonMappingException.Reference r = path.get(i);
            if (r.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? "" : " at " + out;
    }

    // Wire format (kept apart from the Config records).

    record FileDto(@JsonProperty("fail-on") String failOn,
                   @JsonProperty("disable") List<String> disable,
                   @JsonProperty("severity") Map<String, String> severity,
                   @JsonProperty("external-roles") List<ExternalRoleDto> externalRoles,
                   @JsonProperty("guardrails") List<GuardrailDto> guardrails,
                   @JsonProperty("suppressions") List<SuppressionDto> suppressions) {
    }

    record ExternalRoleDto(@JsonProperty("arn") String arn, @JsonProperty("policies") List<JsonNode> policies) {
    }

    record GuardrailDto(@JsonProperty("name") String name, @JsonProperty("role") String role,
                        @JsonProperty("actions") List<String> actions, @JsonProperty("resources") List<String> resources,
                        @JsonProperty("severity") String severity, @JsonProperty("reason") String reason) {
    }

    record SuppressionDto(@JsonProperty("rule") String rule, @JsonProperty("address") String address,
                          @JsonProperty("reason") String reason, @JsonProperty("until") String until) {
    }

    /** Checks what the types cannot: required keys, severities, dates, rule id shape, policy documents. */
    private static final class Validator {
        private final String name;
        private final Map<String, Integer> lines;

        Validator(String name, Map<String, Integer> lines) {
            this.name = name;
            this.lines = lines;
        }

        Config config(FileDto dto) {
            Config.FailOn failOn = null;
            if (dto.failOn() != null) {
                failOn = dto.failOn().trim().equalsIgnoreCase("never") ? Config.FailOn.never()
                        : new Config.FailOn(severity(dto.failOn(), "fail-on", true));
            }
            Set<String> disabled = new LinkedHashSet<>();
            List<String> disable = orEmpty(dto.disable());
            for (int i = 0; i < disable.size(); i++) {
                disabled.add(ruleId(disable.get(i), "disable[" + i + "]"));
            }
            Map<String, Severity> overrides = new LinkedHashMap<>();
            if (dto.severity() != null) {
                dto.severity().forEach((id, s) -> overrides.put(ruleId(id, "severity." + id), severity(s, "severity." + id, false)));
            }
            List<Config.ExternalRole> roles = new ArrayList<>();
            List<ExternalRoleDto> ext = orEmpty(dto.externalRoles());
            for (int i = 0; i < ext.size(); i++) {
                roles.add(externalRole(ext.get(i), "external-roles[" + i + "]"));
            }
            List<Config.Guardrail> guardrails = new ArrayList<>();
            List<GuardrailDto> gs = orEmpty(dto.guardrails());
            for (int i = 0; i < gs.size(); i++) {
                guardrails.add(guardrail(gs.get(i), "guardrails[" + i + "]"));
            }
            List<Config.SuppressionEntry> suppressions = new ArrayList<>();
            List<SuppressionDto> ss = orEmpty(dto.suppressions());
            for (int i = 0; i < ss.size(); i++) {
                suppressions.add(suppression(ss.get(i), "suppressions[" + i + "]"));
            }
            return new Config(name, failOn, disabled, overrides, roles, guardrails, suppressions);
        }

        private Config.ExternalRole externalRole(ExternalRoleDto dto, String at) {
            String arn = required(dto == null ? null : dto.arn(), at + ".arn");
            if (!arn.startsWith("arn:") || !arn.contains(":role/")) {
                throw error(at + ".arn", "\"" + arn + "\" is not a role ARN (arn:aws:iam::ACCOUNT:role/NAME)");
            }
            List<Config.ExternalPolicy> policies = new ArrayList<>();
            List<JsonNode> given = orEmpty(dto.policies());
            for (int i = 0; i < given.size(); i++) {
                String place = at + ".policies[" + i + "]";
                JsonNode p = given.get(i);
                if (p.isObject()) {
                    policies.add(new Config.ExternalPolicy(null, p.toString(), place));
                } else if (p.isTextual() && p.asText().trim().startsWith("arn:")) {
                    policies.add(new Config.ExternalPolicy(p.asText().trim(), null, place));
                } else if (p.isTextual() && p.asText().trim().startsWith("{")) {
                    try {
                        JsonNode doc = Mappers.JSON.readTree(p.asText());
                        policies.add(new Config.ExternalPolicy(null, doc.toString(), place));
                    } catch (JsonProcessingException e) {
                        throw error(place, "the policy document is not valid JSON: " + e.getOriginalMessage());
                    }
                } else {
                    throw error(place, "expected a policy ARN, a policy document as a mapping, or its JSON as a string");
                }
            }
            return new Config.ExternalRole(arn, policies);
        }

        private Config.Guardrail guardrail(GuardrailDto dto, String at) {
            String name = required(dto == null ? null : dto.name(), at + ".name");
            String role = dto.role() == null ? "any" : dto.role().trim().toLowerCase(Locale.ROOT);
            if (!List.of("execution", "task", "any").contains(role)) {
                throw error(at + ".role", "\"" + dto.role() + "\": expected execution, task or any");
            }
            List<String> actions = orEmpty(dto.actions());
            if (actions.isEmpty()) {
                throw error(at + ".actions", "a guardrail needs at least one action pattern");
            }
            for (int i = 0; i < actions.size(); i++) {
                String a = actions.get(i);
                if (a == null || !(a.equals("*") || a.matches("[A-Za-z0-9*?-]+:[A-Za-z0-9*?]+"))) {
                    throw error(at + ".actions[" + i + "]", "\"" + a + "\" is not an action pattern (service:Action, wildcards allowed)");
                }
            }
            List<String> resources = dto.resources() == null || dto.resources().isEmpty() ? List.of("*") : dto.resources();
            Severity severity = dto.severity() == null ? Severity.HIGH : severity(dto.severity(), at + ".severity", false);
            return new Config.Guardrail(name, role, actions, resources, severity, dto.reason());
        }

        private Config.SuppressionEntry suppression(SuppressionDto dto, String at) {
            String rule = ruleId(required(dto == null ? null : dto.rule(), at + ".rule"), at + ".rule");
            String address = required(dto.address(), at + ".address");
            LocalDate until = null;
            if (dto.until() != null) {
                try {
                    until = LocalDate.parse(dto.until().trim());
                } catch (DateTimeParseException e) {
                    throw error(at + ".until", "\"" + dto.until() + "\" is not a date (YYYY-MM-DD)");
                }
            }
            return new Config.SuppressionEntry(rule, address, dto.reason(), until, name + " " + at);
        }

        private String ruleId(String id, String at) {
            String upper = id == null ? "" : id.trim().toUpperCase(Locale.ROOT);
            if (!upper.matches("RP\\d{3}")) {
                throw error(at, "\"" + id + "\" is not a rule id (RPnnn)");
            }
            return upper;
        }

        private Severity severity(String text, String at, boolean allowNever) {
            Severity s = text == null ? null : Severity.parse(text);
            if (s == null) {
                String expected = "critical, high, medium, low, info" + (allowNever ? " or never" : "");
                throw error(at, "\"" + text + "\": expected " + expected);
            }
            return s;
        }

        private String required(String value, String at) {
            if (value == null || value.isBlank()) {
                throw error(at, "required");
            }
            return value.trim();
        }

        private ConfigException error(String at, String what) {
            String pointer = "/" + at.replace("~", "~0").replace("/", "~1").replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
            Integer line = lines.get(pointer);
            while (line == null && pointer.lastIndexOf('/') > 0) {
                pointer = pointer.substring(0, pointer.lastIndexOf('/'));
                line = lines.get(pointer);
            }
            return new ConfigException(name + (line == null ? "" : " line " + line) + ": " + at + ": " + what);
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list.stream().collect(Collectors.toList());
    }
}
