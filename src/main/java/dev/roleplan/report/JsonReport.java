package dev.roleplan.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.roleplan.engine.Finding;
import dev.roleplan.engine.RuleMeta;
import dev.roleplan.engine.Suppression;
import dev.roleplan.engine.Severity;
import dev.roleplan.model.InputInfo;
import dev.roleplan.model.Notice;
import dev.roleplan.model.RoleRef;
import dev.roleplan.model.TaskDefinition;

import java.util.List;
import java.util.Map;

/**
 * {@code --format json}: the contract of DESIGN.md, field for field. Fields that do not apply are null,
 * never omitted. The tree is built first so every string passes the redactor on the way out.
 */
public final class JsonReport implements Renderer {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Override
    public void prepare() {
        Renderer.warmUp(JSON);
    }

    @Override
    public String render(Report report) {
        try {
            return JSON.writeValueAsString(tree(report)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JSON report", e);
        }
    }

    public static ObjectNode tree(Report report) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "roleplan");
        tool.put("version", report.toolVersion());
        ArrayNode inputs = root.putArray("inputs");
        for (InputInfo in : report.inputs()) {
            ObjectNode o = inputs.addObject();
            o.put("path", in.path());
            o.put("kind", in.kind());
            o.put("terraform_version", in.terraformVersion());
            o.put("format_version", in.formatVersion());
        }
        ArrayNode tds = root.putArray("task_definitions");
        for (TaskDefinition td : report.taskDefinitions()) {
            ObjectNode o = tds.addObject();
            o.put("address", td.address().text());
            o.put("family", td.family().orNull());
            o.put("change", td.change().label());
            o.set("execution_role", role(td.executionRole()));
            o.set("task_role", role(td.taskRole()));
            ObjectNode loc = location(td.location());
            o.set("location", loc);
        }
        ArrayNode findings = root.putArray("findings");
        for (Finding fd : report.findings()) {
            findings.add(finding(fd));
        }
        root.put("fail_on", report.failOn());
        ArrayNode rules = root.putArray("rules");
        for (RuleMeta m : report.rules()) {
            ObjectNode o = rules.addObject();
            o.put("id", m.id());
            o.put("name", m.name());
            o.put("severity", m.severity().label());
            o.put("summary", m.summary());
            o.put("help_uri", m.docUrl());
        }
        ObjectNode summary = root.putObject("summary");
        for (Map.Entry<Severity, Integer> e : report.summary().entrySet()) {
            summary.put(e.getKey().label(), e.getValue());
        }
        ArrayNode notices = root.putArray("notices");
        for (Notice n : report.notices()) {
            ObjectNode o = notices.addObject();
            o.put("level", n.level().name().toLowerCase(java.util.Locale.ROOT));
            o.put("source", n.source());
            o.put("message", n.message());
        }
        redactAll(root, report.redactor());
        return root;
    }

    static ObjectNode finding(Finding fd) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("rule", fd.rule().id());
        o.put("name", fd.rule().name());
        o.put("severity", fd.severity().label());
        o.put("message", fd.message());
        o.put("task_definition", fd.taskDefinition());
        o.put("role_kind", fd.roleKind() == null ? null : fd.roleKind().label());
        o.put("role", fd.role());
        o.put("policy", fd.policy());
        o.put("statement", fd.statement());
        o.set("location", location(fd.location()));
        o.set("suggestion", fd.suggestion() == null ? null : JSON.valueToTree(fd.suggestion()));
        o.put("fingerprint", fd.fingerprint());
        o.set("suppressed", suppression(fd.suppression()));
        return o;
    }

    private static ObjectNode suppression(Suppression s) {
        if (s == null) {
            return null;
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("reason", s.reason());
        o.put("until", s.until());
        o.put("source", s.source().label());
        o.put("origin", s.origin());
        return o;
    }

    private static ObjectNode role(RoleRef ref) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("status", ref.status().label());
        o.put("address", ref.address() == null ? null : ref.address().text());
        o.put("arn", ref.arn());
        o.put("reason", ref.reason());
        if (ref.role() != null) {
            ArrayNode policies = o.putArray("policies");
            ref.role().policies().forEach(p -> policies.add(p.id()));
        } else {
            o.putNull("policies");
        }
        return o;
    }

    private static ObjectNode location(dev.roleplan.model.SourceLocation loc) {
        if (loc == null) {
            return null;
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("file", loc.file());
        if (loc.hasLine()) {
            o.put("line", loc.line());
        } else {
            o.putNull("line");
        }
        return o;
    }

    /** Replaces sensitive values in every string of the tree, keys included. */
    static void redactAll(JsonNode node, Redactor redactor) {
        if (node instanceof ObjectNode obj) {
            List<String> names = new java.util.ArrayList<>();
            obj.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode child = obj.get(name);
                String safeName = redactor.redact(name);
                if (child != null && child.isTextual()) {
                    child = TextNode.valueOf(redactor.redact(child.asText()));
                } else {
                    redactAll(child, redactor);
                }
                if (!safeName.equals(name)) {
                    obj.remove(name);
                }
                obj.set(safeName, child);
            }
        } else if (node instanceof ArrayNode arr) {
            for (int i = 0; i < arr.size(); i++) {
                JsonNode child = arr.get(i);
                if (child.isTextual()) {
                    arr.set(i, TextNode.valueOf(redactor.redact(child.asText())));
                } else {
                    redactAll(child, redactor);
                }
            }
        }
    }

}
