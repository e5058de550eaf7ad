package dev.roleplan.input.plan;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roleplan.json.SkippingJsonFactory;
import dev.roleplan.input.InputException;
import dev.roleplan.input.InputLimits;
import dev.roleplan.input.LimitedInputStream;
import dev.roleplan.input.RelevantTypes;
import dev.roleplan.model.AccountContext;
import dev.roleplan.model.Address;
import dev.roleplan.model.ChangeAction;
import dev.roleplan.model.Infrastructure;
import dev.roleplan.model.InputInfo;
import dev.roleplan.model.Notice;
import dev.roleplan.model.Reference;
import dev.roleplan.model.Resource;
import dev.roleplan.model.SourceLocation;
import dev.roleplan.model.Value;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads {@code terraform show -json} / {@code tofu show -json} output into an {@link Infrastructure}.
 * The only class that knows plan JSON. It streams over the bytes with Jackson's parser and keeps only
 * resources of relevant types (task definitions, IAM, and what their policies and containers name), so a
 * 100 MB single-line plan costs little more than its useful parts.
 */
public final class PlanReader {

    private final InputLimits limits;
    private final JsonFactory factory;
    private final ObjectMapper mapper;

    public PlanReader() {
        this(InputLimits.defaults());
    }

    /** A reader that refuses input beyond {@code limits}; it keeps the resource types of {@link RelevantTypes#ALL}. */
    public PlanReader(InputLimits limits) {
        this.limits = limits;
        this.factory = new SkippingJsonFactory((com.fasterxml.jackson.core.JsonFactoryBuilder) new com.fasterxml.jackson.core.JsonFactoryBuilder()
                // Parse errors must not quote the input: a plan holds secrets in plain text.
                .errorReportConfiguration(ErrorReportConfiguration.builder()
                        .maxErrorTokenLength(0).maxRawContentLength(0).build())
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxStringLength(limits.maxStringLength())
                        .maxNumberLength(10_000)
                        .build()));
        this.mapper = new ObjectMapper(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    }

    public Infrastructure read(Path file) throws InputException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(name, null, "is a directory, not a plan JSON file");
        }
        try {
            if (Files.isRegularFile(file) && Files.size(file) > limits.maxInputBytes()) {
                throw new InputException(name, null, InputLimits.tooLarge(Files.size(file), limits.maxInputBytes()));
            }
        } catch (IOException e) {
            throw new InputException(name, null, "cannot be read: " + e.getMessage(), e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, name);
        } catch (NoSuchFileException e) {
            throw new InputException(name, null, "no such file");
        } catch (IOException e) {
            throw new InputException(name, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    public Infrastructure read(InputStream in, String displayName) throws InputException {
        List<Notice> notices = new ArrayList<>();
        Session session = null;
        try {
            InputStream limited = new LimitedInputStream(in, limits.maxInputBytes());
            PlanSource.Opened opened = PlanSource.open(new BufferedInputStream(limited, 1 << 16), displayName, notices);
            try (JsonParser parser = opened.bytes() != null
                    ? factory.createParser(opened.bytes())
                    : factory.createParser(opened.chars())) {
                session = new Session(displayName, parser, notices, opened.wrapper());
                try {
                    session.readDocument();
                } catch (StreamConstraintsException e) {
                    // the exception carries no location; take the parser's while it is still open
                    throw refused(displayName, e, parser.currentTokenLocation(), session);
                } catch (NumberFormatException e) {
                    // e.g. 1e1000000000 read as a BigDecimal (found by fuzzing the container definitions parser)
                    throw new InputException(displayName, location(parser.currentTokenLocation(), session),
                            "has a number roleplan cannot represent (its exponent is too large)", e);
                }
            }
        } catch (StreamConstraintsException e) {
            throw refused(displayName, e, e.getLocation(), session);
        } catch (LimitedInputStream.TooLarge e) {
            throw new InputException(displayName, null, InputLimits.tooLarge(-1, limits.maxInputBytes()), e);
        } catch (JsonProcessingException e) {

            String message = firstLine(e.getOriginalMessage());
            String problem = message.contains("end-of-input")
                    ? "is truncated or not valid JSON: " + message
                    : message.contains("UTF-8") ? "is not valid UTF-8: " + message : "is not valid JSON: " + message;
            throw new InputException(displayName, location(e.getLocation(), session), problem, e);
        } catch (CharacterCodingException e) {
            throw new InputException(displayName, null, "is not valid text in the encoding its byte order mark names: "
                    + e.getClass().getSimpleName(), e);
        } catch (IOException e) {
            throw new InputException(displayName, null, "cannot be read: " + e.getMessage(), e);
        }
        return session.build();
    }

    private static String location(JsonLocation location, Session session) {
        if (location == null) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        if (location.getLineNr() > 0) {
            text.append("line ").append(location.getLineNr()).append(", column ").append(location.getColumnNr());
        }
        if (location.getByteOffset() >= 0) {
            text.append(text.length() > 0 ? ", " : "").append("byte ").append(location.getByteOffset());
        } else if (location.getCharOffset() >= 0) {
            text.append(text.length() > 0 ? ", " : "").append("character ").append(location.getCharOffset());
        }
        if (session != null) {
            String path = session.path();
            if (!path.isEmpty()) {
                text.append(", at ").append(path);
            }
        }
        return text.toString();
    }

    private static InputException refused(String displayName, StreamConstraintsException e, JsonLocation where, Session session) {
        return new InputException(displayName, location(where, session),
                "refused: " + firstLine(e.getOriginalMessage()).replaceAll(", from `StreamReadConstraints[^`]*`", "")
                        + constraintOption(e.getOriginalMessage()), e);
    }

    /** Names the option that raises the limit a refusal hit. */
    private static String constraintOption(String message) {
        if (message == null) {
            return "";
        }
        if (message.contains("nesting depth")) {
            return " (--max-depth)";
        }
        if (message.contains("String value length")) {
            return " (no real plan holds a string this long)";
        }
        return "";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        // Jackson appends where the enclosing value started, naming a redacted source; the location says it better.
        // It also quotes an unrecognised token, which may be a secret of a broken plan: say only that there is one.
        return line.replaceAll(" \\(for (root|Object|Array) starting at \\[Source: .*$", "")
                .replaceAll("Unrecognized token '[^']*'", "Unrecognized token").trim();
    }

    /** Raw material for one resource instance, gathered from the plan's sections before merging. */
    private static final class Raw {
        final String address;
        String mode;
        String type;
        String name;
        JsonNode planned;
        JsonNode plannedSensitive;
        JsonNode prior;
        JsonNode priorSensitive;
        Change change;

        Raw(String address) {
            this.address = address;
        }
    }

    private record Change(List<String> actions, JsonNode before, JsonNode after, JsonNode afterUnknown,
                          JsonNode beforeSensitive, JsonNode afterSensitive) {
    }

    private enum Section { PLANNED, PRIOR }

    /** One read of one document. */
    private final class Session {
        private final String file;
        private final JsonParser p;
        private final List<Notice> notices;
        private final Map<String, Raw> raws = new TreeMap<>();
        private final Set<String> sensitive = new HashSet<>();
        private String formatVersion;
        private String terraformVersion;
        private boolean sawPlanned;
        private boolean sawChanges;
        private boolean sawConfiguration;
        private boolean sawStateValues;
        private ConfigModule configRoot = ConfigModule.empty();
        private JsonNode providerConfig;
        private JsonNode variables;
        private int changeIndex;
        private int skippedDeposed;
        private final Map<String, Integer> skippedModes = new TreeMap<>();

        private final boolean wrapped;

        Session(String file, JsonParser p, List<Notice> notices, boolean wrapped) {
            this.file = file;
            this.p = p;
            this.notices = notices;
            this.wrapped = wrapped;
        }

        String path() {
            return jsonPath(p.getParsingContext());
        }

        void readDocument() throws IOException, InputException {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new InputException(file, null, "holds no JSON value, not a Terraform plan");
            }
            if (t == JsonToken.START_ARRAY) {
                throw new InputException(file, "line 1", "is a JSON array, not a Terraform plan "
                        + "(expected the object that 'terraform show -json PLANFILE' writes)");
            }
            if (t != JsonToken.START_OBJECT) {
                throw new InputException(file, "line 1", "is a single JSON " + describe(t) + ", not a Terraform plan object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "format_version" -> {
                        formatVersion = text(value, "format_version");
                        checkFormatVersion();
                    }
                    case "terraform_version" -> terraformVersion = text(value, "terraform_version");
                    case "planned_values" -> {
                        sawPlanned = true;
                        readValuesWrapper(value, Section.PLANNED);
                    }
                    case "resource_changes" -> {
                        sawChanges = true;
                        readChanges(value);
                    }
                    case "prior_state" -> readPriorState(value);
                    case "configuration" -> {
                        sawConfiguration = true;
                        readConfiguration(value);
                    }
                    // sensitive variables say which values are secret, so a misshapen list must not be ignored
                    case "variables" -> variables = objectTree(value, "variables");
                    case "values" -> {
                        sawStateValues = true;
                        p.skipChildren();
                    }
                    default -> p.skipChildren();
                }
            }
            if (wrapped) {
                // The wrapper appends "::debug::" and "::set-output" lines after the JSON: not ours to read.
                return;
            }
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                throw new InputException(file, location(p.currentLocation(), null),
                        "has more JSON after the plan object (" + describe(trailing) + ")");
            }
        }

        private void checkFormatVersion() throws InputException {
            if (formatVersion == null) {
                return;
            }
            int dot = formatVersion.indexOf('.');
            String major = dot < 0 ? formatVersion : formatVersion.substring(0, dot);
            if (!major.matches("[0-9]{1,6}")) {
                throw new InputException(file, "format_version", "format_version \"" + formatVersion + "\" is not a version number");
            }
            if (Integer.parseInt(major) >= 2) {
                throw new InputException(file, "format_version", "plan format_version " + formatVersion
                        + " is not supported: roleplan reads format 0.x and 1.x (terraform and tofu show -json up to now)");
            }
        }

        // ---- planned_values / prior_state ------------------------------------------------------------

        private void readPriorState(JsonToken t) throws IOException, InputException {
            if (t == JsonToken.VALUE_NULL) {
                return;
            }
            expect(t, JsonToken.START_OBJECT, "prior_state");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("values")) {
                    readValuesWrapper(value, Section.PRIOR);
                } else {
                    p.skipChildren();
                }
            }
        }

        /** {@code {"root_module": {...}, "outputs": ...}} */
        private void readValuesWrapper(JsonToken t, Section section) throws IOException, InputException {
            if (t == JsonToken.VALUE_NULL) {
                return;
            }
            expect(t, JsonToken.START_OBJECT, section == Section.PLANNED ? "planned_values" : "prior_state.values");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("root_module")) {
                    readStateModule(value, section);
                } else {
                    p.skipChildren();
                }
            }
        }

        private void readStateModule(JsonToken t, Section section) throws IOException, InputException {
            if (t == JsonToken.VALUE_NULL) {
                return;
            }
            expect(t, JsonToken.START_OBJECT, "a module");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("resources") && value != JsonToken.VALUE_NULL) {
                    expect(value, JsonToken.START_ARRAY, "resources");
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        readStateResource(section);
                    }
                } else if (field.equals("child_modules") && value != JsonToken.VALUE_NULL) {
                    expect(value, JsonToken.START_ARRAY, "child_modules");
                    JsonToken child;
                    while ((child = p.nextToken()) != JsonToken.END_ARRAY) {
                        readStateModule(child, section);
                    }
                } else {
                    p.skipChildren();
                }
            }
        }

        private void readStateResource(Section section) throws IOException, InputException {
            JsonNode[] read = new JsonNode[2]; // values, sensitive_values
            Header h = readResourceObject("a resource", (field, value) -> {
                switch (field) {
                    case "values" -> read[0] = objectTree(value, "values");
                    case "sensitive_values" -> read[1] = sensitivity(
                            value == JsonToken.VALUE_NULL ? null : mapper.readTree(p), path());
                    default -> p.skipChildren();
                }
            });
            if (!h.analysed(this::path, "resource")) {
                return;
            }
            Raw raw = raw(h.address, h.mode, h.type, h.name);
            if (section == Section.PLANNED) {
                raw.planned = read[0];
                raw.plannedSensitive = read[1];
            } else {
                raw.prior = read[0];
                raw.priorSensitive = read[1];
            }
        }

        /** Reads a field of a resource object other than its header fields (leaving the parser on its end). */
        private interface FieldReader {
            void read(String field, JsonToken value) throws IOException, InputException;
        }

        /**
         * One resource object of planned values, prior state or resource changes: its header fields, then the
         * others through {@code body}; once the type is known to be irrelevant, everything else is skipped.
         */
        private Header readResourceObject(String what, FieldReader body) throws IOException, InputException {
            expect(p.currentToken(), JsonToken.START_OBJECT, what);
            Header h = new Header();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (h.irrelevant) {
                    p.skipChildren();
                } else if (!h.read(field, value)) {
                    body.read(field, value);
                }
            }
            return h;
        }

        /**
         * The address, mode, type and name of a resource object, read in stream order. Once the type is known
         * to be irrelevant the rest of the object is skipped unread (Terraform writes type before values).
         */
        private final class Header {
            String address;
            String mode;
            String type;
            String name;
            boolean irrelevant;

            /** Reads one of the header fields; true when the field was one (or is skipped as irrelevant). */
            boolean read(String field, JsonToken value) throws IOException, InputException {
                switch (field) {
                    case "address" -> address = text(value, "address");
                    case "mode" -> mode = text(value, "mode");
                    case "name" -> name = text(value, "name");
                    case "type" -> {
                        type = text(value, "type");
                        irrelevant = type != null && !RelevantTypes.ALL.contains(type); // a null type is skipped below
                    }
                    default -> {
                        return false;
                    }
                }
                return true;
            }

            /**
             * After the object: true when it is analysed (a relevant type in managed or data mode).
             *
             * @param where where the resource is, built only for an error (most resources are not analysed)
             */
            boolean analysed(java.util.function.Supplier<String> where, String what) throws InputException {
                if (irrelevant) {
                    return false;
                }
                // Hand-trimmed fixtures may leave out type or mode; the address says both.
                type = type != null ? type : typeOf(address);
                mode = mode != null ? mode : modeOf(address);
                if (type == null || !RelevantTypes.ALL.contains(type)) {
                    return false;
                }
                if (address == null) {
                    throw new InputException(file, where.get(), "a " + type + " " + what + " has no address");
                }
                if (!"managed".equals(mode) && !"data".equals(mode)) {
                    // OpenTofu writes "ephemeral" changes with nulled values; nothing to analyse in them.
                    skippedModes.merge(String.valueOf(mode), 1, Integer::sum);
                    return false;
                }
                return true;
            }
        }

        private Raw raw(String address, String mode, String type, String name) {
            Raw raw = raws.computeIfAbsent(address, Raw::new);
            raw.mode = mode;
            raw.type = type;
            raw.name = name;
            return raw;
        }

        // ---- resource_changes ------------------------------------------------------------------------

        private void readChanges(JsonToken t) throws IOException, InputException {
            if (t == JsonToken.VALUE_NULL) {
                return;
            }
            expect(t, JsonToken.START_ARRAY, "resource_changes");
            while (p.nextToken() != JsonToken.END_ARRAY) {
                readChange(changeIndex++);
            }
        }

        private void readChange(int index) throws IOException, InputException {
            String[] deposedRead = new String[1];
            JsonNode[] changeRead = new JsonNode[1];
            Header h = readResourceObject("a resource change", (field, value) -> {
                switch (field) {
                    case "deposed" -> deposedRead[0] = text(value, "deposed");
                    case "change" -> changeRead[0] = objectTree(value, "change");
                    default -> p.skipChildren();
                }
            });
            String deposed = deposedRead[0];
            JsonNode change = changeRead[0];
            if (!h.analysed(() -> "resource_changes[" + index + "]", "change")) {
                return;
            }
            String where = "resource_changes[" + index + "]";
            String address = h.address;
            if (deposed != null) {
                skippedDeposed++;
                return;
            }
            if (change == null) {
                throw new InputException(file, where, address + " has no change object");
            }
            raw(address, h.mode, h.type, h.name).change = new Change(actions(change.get("actions"), where + ".change.actions"),
                    objectOrNull(change.get("before"), where + ".change.before"),
                    objectOrNull(change.get("after"), where + ".change.after"),
                    change.get("after_unknown"), sensitivity(change.get("before_sensitive"), where + ".change.before_sensitive"),
                    sensitivity(change.get("after_sensitive"), where + ".change.after_sensitive"));
        }

        /** A sensitivity mask is true/false or mirrors the value; anything else would leave secrets unknown. */
        private JsonNode sensitivity(JsonNode node, String where) throws InputException {
            if (node == null || node.isNull() || node.isBoolean() || node.isContainerNode()) {
                return node;
            }
            throw new InputException(file, where, "must be true, false, an object or an array, found "
                    + node.getNodeType().name().toLowerCase());
        }

        private List<String> actions(JsonNode node, String where) throws InputException {
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                throw new InputException(file, where, "actions must be a list of strings, found " + node.getNodeType().name().toLowerCase());
            }
            List<String> actions = new ArrayList<>();
            for (JsonNode action : node) {
                if (!action.isTextual()) {
                    throw new InputException(file, where, "actions must be a list of strings, found " + action.getNodeType().name().toLowerCase());
                }
                actions.add(action.textValue());
            }
            return actions;
        }

        private JsonNode objectOrNull(JsonNode node, String where) throws InputException {
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isObject()) {
                throw new InputException(file, where, "must be an object or null, found " + node.getNodeType().name().toLowerCase());
            }
            return node;
        }

        // ---- configuration ---------------------------------------------------------------------------

        private void readConfiguration(JsonToken t) throws IOException, InputException {
            if (t == JsonToken.VALUE_NULL) {
                return;
            }
            expect(t, JsonToken.START_OBJECT, "configuration");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "provider_config" -> providerConfig = value == JsonToken.VALUE_NULL ? null : mapper.readTree(p);
                    case "root_module" -> configRoot = readConfigModule(value);
                    default -> p.skipChildren();
                }
            }
        }

        private ConfigModule readConfigModule(JsonToken t) throws IOException, InputException {
            if (t == JsonToken.VALUE_NULL) {
                return ConfigModule.empty();
            }
            expect(t, JsonToken.START_OBJECT, "a configuration module");
            Map<String, ConfigModule.ConfigResource> resources = new LinkedHashMap<>();
            Map<String, ConfigModule.ModuleCall> calls = new LinkedHashMap<>();
            Map<String, JsonNode> outputs = new LinkedHashMap<>();
            Map<String, JsonNode> variables = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.VALUE_NULL) {
                    continue;
                }
                switch (field) {
                    case "resources" -> {
                        expect(value, JsonToken.START_ARRAY, "resources");
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            readConfigResource(resources);
                        }
                    }
                    case "module_calls" -> {
                        expect(value, JsonToken.START_OBJECT, "module_calls");
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String callName = p.currentName();
                            calls.put(callName, readModuleCall(callName, p.nextToken()));
                        }
                    }
                    case "outputs" -> {
                        JsonNode tree = objectTree(value, "outputs");
                        tree.fields().forEachRemaining(e -> outputs.put(e.getKey(), e.getValue().get("expression")));
                    }
                    case "variables" -> objectTree(value, "variables").fields()
                            .forEachRemaining(e -> variables.put(e.getKey(), e.getValue()));
                    default -> p.skipChildren();
                }
            }
            return new ConfigModule(resources, calls, outputs, variables);
        }

        /**
         * Streams one configuration resource: a resource of an irrelevant type is skipped without building a
         * tree of its expressions (most of a big configuration), which are only kept for relevant types.
         */
        private void readConfigResource(Map<String, ConfigModule.ConfigResource> into) throws IOException, InputException {
            expect(p.currentToken(), JsonToken.START_OBJECT, "a configuration resource");
            String type = null;
            String address = null;
            String mode = null;
            boolean typeSeen = false;
            JsonNode expressions = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "type" -> {
                        typeSeen = true;
                        type = scalarText(value);
                    }
                    case "address" -> address = scalarText(value);
                    case "mode" -> mode = scalarText(value);
                    case "expressions" -> {
                        if (typeSeen && (type == null || !RelevantTypes.ALL.contains(type))) {
                            p.skipChildren();
                        } else {
                            expressions = mapper.readTree(p);
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (type == null || address == null || !RelevantTypes.ALL.contains(type)) {
                return;
            }
            into.put(address, new ConfigModule.ConfigResource(address, mode == null ? "managed" : mode, type, expressions));
        }

        /** A scalar's text as JsonNode.asText gives it (null for JSON null); containers are skipped and read as "". */
        private String scalarText(JsonToken t) throws IOException {
            if (t == JsonToken.VALUE_NULL) {
                return null;
            }
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                p.skipChildren();
                return "";
            }
            return p.getText();
        }

        private ConfigModule.ModuleCall readModuleCall(String callName, JsonToken t) throws IOException, InputException {
            expect(t, JsonToken.START_OBJECT, "a module call");
            String source = null;
            JsonNode expressions = null;
            ConfigModule module = ConfigModule.empty();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "source" -> source = text(value, "source");
                    case "expressions" -> expressions = value == JsonToken.VALUE_NULL ? null : objectTree(value, "expressions");
                    case "module" -> module = readConfigModule(value);
                    default -> p.skipChildren();
                }
            }
            return new ConfigModule.ModuleCall(callName, source, expressions, module);
        }

        // ---- helpers ---------------------------------------------------------------------------------

        private String text(JsonToken t, String what) throws IOException, InputException {
            if (t == JsonToken.VALUE_NULL) {
                return null;
            }
            if (t != JsonToken.VALUE_STRING) {
                throw new InputException(file, path(), what + " must be a string, found " + describe(t));
            }
            return p.getText();
        }

        private JsonNode objectTree(JsonToken t, String what) throws IOException, InputException {
            if (t == JsonToken.VALUE_NULL) {
                return null;
            }
            expect(t, JsonToken.START_OBJECT, what);
            return mapper.readTree(p);
        }

        private void expect(JsonToken t, JsonToken expected, String what) throws InputException {
            if (t != expected) {
                // at the start of a container the parser is already inside it: name the field, not its first element
                String where = t != null && t.isStructStart() ? jsonPath(p.getParsingContext().getParent()) : path();
                throw new InputException(file, where, what + " must be a JSON " + describe(expected)
                        + ", found " + describe(t));
            }
        }

        // ---- building the model ----------------------------------------------------------------------

        Infrastructure build() throws InputException {
            if (!sawPlanned && !sawChanges && !sawConfiguration) {
                if (sawStateValues) {
                    throw new InputException(file, null, "is a Terraform state ('terraform show -json' without a "
                            + "plan file), not a plan: it has \"values\" but no planned_values, resource_changes or configuration");
                }
                throw new InputException(file, null, "is JSON but not a Terraform plan: it has none of "
                        + "planned_values, resource_changes, configuration");
            }
            if (formatVersion == null) {
                notices.add(Notice.info(file, "no format_version: read as a hand-trimmed plan"));
            }
            if (skippedDeposed > 0) {
                notices.add(Notice.info(file, "skipped " + skippedDeposed + " deposed object(s): they are being destroyed"));
            }
            skippedModes.forEach((mode, count) -> notices.add(Notice.info(file,
                    "skipped " + count + " resource(s) in mode \"" + mode + "\", which hold nothing to analyse")));
            ReferenceFollower follower = new ReferenceFollower(configRoot, raws.keySet());
            List<Resource> resources = new ArrayList<>();
            for (Raw raw : raws.values()) {
                resources.add(resource(raw, follower));
            }
            collectSensitiveVariables();
            return new Infrastructure(new InputInfo(file, "plan", terraformVersion, formatVersion), resources,
                    context(resources), notices, sensitive);
        }

        private Resource resource(Raw raw, ReferenceFollower follower) {
            Address address = Address.of(raw.address);
            String modulePath = address.modulePath();
            ConfigModule module = follower.moduleFor(modulePath);
            ConfigModule.ConfigResource config = module == null ? null
                    : module.resources().get(address.withoutInstanceKey().local());
            JsonNode expressions = config == null ? null : config.expressions();
            String ownKey = ownKey(address);
            ValueConverter converter = new ValueConverter(follower, modulePath, ownKey);

            Map<String, Object> values;
            Map<String, Object> before;
            ChangeAction action;
            JsonNode unknown = null;
            Change change = raw.change;
            if (change != null) {
                action = ChangeAction.fromActions(change.actions());
                unknown = change.afterUnknown();
                values = converter.attributes(change.after(), unknown, expressions);
                before = change.before() != null ? converter.attributes(change.before(), null, null)
                        : raw.prior != null && action != ChangeAction.CREATE ? converter.attributes(raw.prior, null, null) : null;
                ValueConverter.collectSensitive(change.after(), change.afterSensitive(), sensitive);
                ValueConverter.collectSensitive(change.before(), change.beforeSensitive(), sensitive);
            } else {
                action = ChangeAction.NONE;
                values = converter.attributes(raw.planned != null ? raw.planned : raw.prior, null, expressions);
                before = raw.prior != null ? converter.attributes(raw.prior, null, null) : null;
            }
            ValueConverter.collectSensitive(raw.planned, raw.plannedSensitive, sensitive);
            ValueConverter.collectSensitive(raw.prior, raw.priorSensitive, sensitive);
            if (values != null && expressions != null) {
                fillConstants(values, unknown, expressions);
            }
            Map<String, List<Reference>> references = new TreeMap<>();
            if (expressions != null && expressions.isObject()) {
                expressions.fields().forEachRemaining(e -> {
                    List<Reference> followed = follower.follow(modulePath, e.getValue(), ownKey);
                    if (!followed.isEmpty()) {
                        references.put(e.getKey(), followed);
                    }
                });
            }
            return new Resource(address, raw.mode, raw.type, raw.name, values, before, action, references,
                    SourceLocation.ofFile(file));
        }

        /** The resource's own instance key as written in its address ({@code 0}, {@code "api"}), or null. */
        private static String ownKey(Address address) {
            String local = address.local();
            Address bare = address.withoutInstanceKey();
            String bareLocal = bare.local();
            return local.length() > bareLocal.length() + 2 ? local.substring(bareLocal.length() + 1, local.length() - 1) : null;
        }

        /** A constant from the configuration fills an attribute the plan leaves out, unless it is marked unknown. */
        private void fillConstants(Map<String, Object> values, JsonNode unknown, JsonNode expressions) {
            expressions.fields().forEachRemaining(e -> {
                String key = e.getKey();
                JsonNode expression = e.getValue();
                boolean markedUnknown = unknown != null && unknown.path(key).isBoolean() && unknown.path(key).booleanValue();
                if (!values.containsKey(key) && !markedUnknown && expression.isObject()
                        && expression.has("constant_value") && !expression.get("constant_value").isNull()) {
                    values.put(key, ValueConverter.plain(expression.get("constant_value")));
                }
            });
        }

        private void collectSensitiveVariables() {
            if (variables == null || !variables.isObject()) {
                return;
            }
            variables.fields().forEachRemaining(e -> {
                JsonNode declaration = configRoot.variables().get(e.getKey());
                if (declaration != null && declaration.path("sensitive").asBoolean(false)) {
                    ValueConverter.collectAll(e.getValue().get("value"), sensitive);
                }
            });
        }

        private AccountContext context(List<Resource> resources) {
            Value<String> region = providerRegion();
            Value<String> account = Value.absent();
            Value<String> partition = Value.absent();
            for (Resource resource : resources) {
                if (!resource.isData()) {
                    continue;
                }
                switch (resource.type()) {
                    case "aws_region" -> {
                        if (!region.isKnown()) {
                            Value<String> name = resource.string("name");
                            region = name.isKnown() ? name : resource.string("region");
                        }
                    }
                    case "aws_caller_identity" -> {
                        if (!account.isKnown()) {
                            account = resource.string("account_id");
                        }
                    }
                    case "aws_partition" -> {
                        if (!partition.isKnown()) {
                            partition = resource.string("partition");
                        }
                    }
                    default -> {
                    }
                }
            }
            return new AccountContext(region, account, partition);
        }

        /** {@code provider "aws" { region = "..." }} of the default (unaliased) provider, when a constant. */
        private Value<String> providerRegion() {
            if (providerConfig == null) {
                return Value.absent();
            }
            JsonNode aws = providerConfig.get("aws");
            if (aws == null) {
                return Value.absent();
            }
            JsonNode region = aws.path("expressions").path("region");
            if (region.path("constant_value").isTextual()) {
                return Value.known(region.get("constant_value").textValue());
            }
            if (region.has("references")) {
                List<String> names = new ArrayList<>();
                region.get("references").forEach(r -> names.add(r.asText()));
                return Value.unknown("the provider region is computed from " + String.join(", ", names));
            }
            return Value.absent();
        }
    }

    /** The resource type an address names ({@code module.a.data.aws_iam_role.x[0]} → aws_iam_role), or null. */
    static String typeOf(String address) {
        if (address == null) {
            return null;
        }
        String local = Address.of(address).local();
        if (local.startsWith("data.")) {
            local = local.substring("data.".length());
        }
        int dot = local.indexOf('.');
        return dot <= 0 ? null : local.substring(0, dot);
    }

    private static String modeOf(String address) {
        if (address == null) {
            return null;
        }
        String local = Address.of(address).local();
        return local.startsWith("data.") ? "data" : local.startsWith("ephemeral.") ? "ephemeral" : "managed";
    }

    static String jsonPath(JsonStreamContext context) {
        List<String> steps = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                steps.add("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                String name = c.getCurrentName();
                // a field name is input text: a long one would drown the message (InputException escapes controls)
                steps.add("." + (name.length() > 64 ? name.substring(0, 61) + "..." : name));
            }
        }
        StringBuilder path = new StringBuilder();
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (i < steps.size() - 8 && i >= 4) {
                // hostile nesting must not make a message of thousands of steps: keep both ends
                path.append("…(").append(i - 4).append(" more levels)…");
                i = 4;
            }
            path.append(steps.get(i));
        }
        return path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "end of input";
        }
        return switch (t) {
            case START_OBJECT, END_OBJECT -> "object";
            case START_ARRAY, END_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> t.name().toLowerCase();
        };
    }
}
