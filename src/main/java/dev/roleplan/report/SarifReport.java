package dev.roleplan.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roleplan.engine.Finding;
import dev.roleplan.engine.RuleMeta;
import dev.roleplan.engine.Severity;
import dev.roleplan.engine.Suppression;
import dev.roleplan.model.InputInfo;
import dev.roleplan.model.SourceLocation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --format sarif}: SARIF 2.1.0, one run, shaped for GitHub code scanning. Every rule that ran is in
 * {@code tool.driver.rules} (with the {@code security-severity} GitHub uses to rank alerts); every finding is
 * a result with its rule, level, message, the Terraform address as a logical location, the file and line as
 * a physical location, and the stable fingerprint as {@code partialFingerprints["roleplan/v1"]}, so an alert
 * survives reordering and unrelated edits. Suppressed findings stay, carrying {@code suppressions}.
 *
 * <p>GitHub requires a physical location on every result. Plan input has no source lines, so a finding
 * without a file points at the plan file it came from (line 1), when that path is relative: an absolute
 * path or stdin would name nothing in the repository, and then the result has only its logical location.
 */
public final class SarifReport implements Renderer {

    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String INFORMATION_URI = "https://github.com/roleplan/roleplan";
    public static final String FINGERPRINT_KEY = "roleplan/v1";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void prepare() {
        Renderer.warmUp(JSON);
    }

    @Override
    public String render(Report report) {
        try {
            return JSON.writeValueAsString(tree(report)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the SARIF report", e);
        }
    }

    public static ObjectNode tree(Report report) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "roleplan");
        driver.put("version", report.toolVersion());
        driver.put("informationUri", INFORMATION_URI);
        List<RuleMeta> rules = rulesIncludingFindings(report);
        Map<String, Integer> index = new HashMap<>();
        ArrayNode ruleArray = driver.putArray("rules");
        for (RuleMeta m : rules) {
            index.put(m.id(), ruleArray.size());
            ruleArray.add(rule(m));
        }
        String fallbackUri = fallbackUri(report.inputs());
        ArrayNode results = run.putArray("results");
        for (Finding fd : report.findings()) {
            results.add(result(fd, index.get(fd.rule().id()), fallbackUri));
        }
        JsonReport.redactAll(root, report.redactor());
        return root;
    }

    /** The rules that ran, plus any rule a finding names that the list lacks (a report built from findings). */
    private static List<RuleMeta> rulesIncludingFindings(Report report) {
        Map<String, RuleMeta> byId = new java.util.TreeMap<>();
        report.rules().forEach(m -> byId.put(m.id(), m));
        report.findings().forEach(fd -> byId.putIfAbsent(fd.rule().id(), fd.rule()));
        return List.copyOf(byId.values());
    }

    private static ObjectNode rule(RuleMeta m) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", m.id());
        o.put("name", m.name());
        o.putObject("shortDescription").put("text", m.summary());
        o.putObject("fullDescription").put("text", m.description());
        o.put("helpUri", m.docUrl());
        ObjectNode help = o.putObject("help");
        help.put("text", m.description() + " More: " + m.docUrl());
        help.put("markdown", "**" + m.summary() + "**\n\n" + m.description() + "\n\n[" + m.id() + " documentation](" + m.docUrl() + ")");
        o.putObject("defaultConfiguration").put("level", level(m.severity()));
        ObjectNode props = o.putObject("properties");
        props.put("security-severity", securitySeverity(m.severity()));
        props.put("precision", "high");
        ArrayNode tags = props.putArray("tags");
        tags.add("security");
        tags.add("iam");
        tags.add("ecs");
        tags.add(family(m.id()));
        return o;
    }

    private static ObjectNode result(Finding fd, Integer ruleIndex, String fallbackUri) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("ruleId", fd.rule().id());
        if (ruleIndex != null) {
            o.put("ruleIndex", ruleIndex);
        }
        o.put("level", level(fd.severity()));
        o.putObject("message").put("text", fd.message());
        ObjectNode location = o.putArray("locations").addObject();
        ObjectNode physical = physical(fd.location(), fallbackUri);
        if (physical != null) {
            location.set("physicalLocation", physical);
        }
        String address = fd.address();
        if (address != null) {
            ObjectNode logical = location.putArray("logicalLocations").addObject();
            logical.put("fullyQualifiedName", address);
            logical.put("kind", "resource");
        }
        o.putObject("partialFingerprints").put(FINGERPRINT_KEY, fd.fingerprint());
        if (fd.suppression() != null) {
            Suppression s = fd.suppression();
            ObjectNode sup = o.putArray("suppressions").addObject();
            sup.put("kind", s.source() == Suppression.Source.INLINE ? "inSource" : "external");
            sup.put("status", "accepted");
            String until = s.until() == null ? "" : " (until " + s.until() + ")";
            sup.put("justification", s.reason() + until);
            if (s.source() == Suppression.Source.BASELINE) {
                o.put("baselineState", "unchanged");
            }
        }
        ObjectNode props = o.putObject("properties");
        props.put("severity", fd.severity().label());
        props.put("task_definition", fd.taskDefinition());
        props.put("role_kind", fd.roleKind() == null ? null : fd.roleKind().label());
        props.put("role", fd.role());
        props.put("policy", fd.policy());
        props.put("statement", fd.statement());
        return o;
    }

    private static ObjectNode physical(SourceLocation where, String fallbackUri) {
        String uri;
        int line;
        if (where != null && where.file() != null && !where.file().isEmpty()) {
            uri = where.file().replace('\\', '/');
            // GitHub requires region.startLine; a file without a known line points at its first line.
            line = where.hasLine() ? where.line() : 1;
        } else if (fallbackUri != null) {
            uri = fallbackUri;
            line = 1;
        } else {
            return null;
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.putObject("artifactLocation").put("uri", uriReference(uri));
        if (line > 0) {
            o.putObject("region").put("startLine", line);
        }
        return o;
    }

    /** The first input given as a relative path, as a URI reference; null when there is none. */
    static String fallbackUri(List<InputInfo> inputs) {
        for (InputInfo in : inputs) {
            String path = in.path() == null ? "" : in.path().replace('\\', '/');
            boolean absolute = path.startsWith("/") || path.matches("^[A-Za-z]:/.*");
            if (!path.isEmpty() && !absolute && !path.startsWith("(") && !path.equals("-")) {
                return path.startsWith("./") ? path.substring(2) : path;
            }
        }
        return null;
    }

    /**
     * A relative path as a URI reference: characters a URI cannot hold (spaces, brackets, %, non-ASCII) are
     * percent-encoded as UTF-8, so {@code modules/my svc/main.tf} becomes {@code modules/my%20svc/main.tf}.
     */
    static String uriReference(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~/!$&'()*+,;=@".indexOf(c) >= 0;
            if (keep) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /** critical/high → error, medium → warning, low/info → note. */
    public static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    /** GitHub ranks alerts by this score: over 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low. */
    public static String securitySeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "1.0";
        };
    }

    private static String family(String id) {
        if (id.length() < 3) {
            return "other";
        }
        return switch (id.charAt(2)) {
            case '1' -> "wiring";
            case '2' -> "requirements";
            case '3' -> "least-privilege";
            case '4' -> "dangerous-capabilities";
            case '5' -> "policy-validity";
            case '6' -> "container-definitions";
            case '7' -> "change";
            case '9' -> "guardrails";
            default -> "other";
        };
    }
}
