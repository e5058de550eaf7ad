package dev.roleplan.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.roleplan.engine.Severity;
import dev.roleplan.iam.AccessComparison.Delta;
import dev.roleplan.iam.AccessComparison.Entry;
import dev.roleplan.iam.AccessComparison.Kind;
import dev.roleplan.iam.AccessComparison.Line;
import dev.roleplan.model.RoleKind;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code roleplan diff BASE HEAD}: what each task definition's roles can do in HEAD that they could not in
 * BASE, and what they no longer can, as text, JSON or Markdown. Every string from the inputs passes the
 * {@link Redactor}; in Markdown it is also escaped ({@link Md}).
 *
 * @param items in task-definition address order, execution role first
 */
public record DiffReport(String toolVersion, String base, String head, List<Item> items, Redactor redactor) {

    public DiffReport {
        items = List.copyOf(items);
    }

    /**
     * One task definition's role of one kind whose access differs.
     *
     * @param status     same role, role swapped, new task definition, new role, removed
     * @param severity   RP701's severity for the new access, or null when the change only removes access
     * @param why        the rule that raised the severity (e.g. "RP302 (allows-service-wildcard)"), or null
     */
    public record Item(String taskDefinition, RoleKind kind, String status, String beforeRole, String afterRole,
                       Severity severity, String why, Delta delta) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Lines of one kind in text and Markdown, by kind: sign and heading. */
    private static final Map<Kind, String> SIGNS = Map.of(Kind.ADDED, "+", Kind.REMOVED, "-",
            Kind.NOW_UNCONDITIONAL, "~", Kind.NOW_CONDITIONAL, "~");

    public long widening() {
        return items.stream().filter(i -> i.delta().widens()).count();
    }

    // ---- text ------------------------------------------------------------------------------------

    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("roleplan ").append(toolVersion).append('\n');
        out.append("base: ").append(base).append('\n');
        out.append("head: ").append(head).append("\n\n");
        if (items.isEmpty()) {
            out.append("No task definition's roles allow more or less than before.\n");
            return redactor.redact(out.toString());
        }
        for (Item i : items) {
            out.append(i.taskDefinition()).append("  ").append(i.kind().label()).append(" role ").append(roles(i))
                    .append("  (").append(i.status()).append(")");
            if (i.severity() != null) {
                out.append("  [").append(i.severity().label()).append(i.why() == null ? "" : " by " + i.why()).append(']');
            }
            out.append('\n');
            for (Kind k : Kind.values()) {
                for (Line l : i.delta().linesOf(k)) {
                    out.append("  ").append(SIGNS.get(k)).append(' ')
                            .append(k == Kind.ADDED || k == Kind.REMOVED ? "" : k.label() + ": ").append(l.text()).append('\n');
                }
            }
            out.append('\n');
        }
        out.append(summary()).append('\n');
        return redactor.redact(out.toString());
    }

    private String summary() {
        long removedOnly = items.size() - widening();
        return widening() + " task definition role" + (widening() == 1 ? "" : "s") + " with new access, "
                + removedOnly + " with access removed only.";
    }

    private static String roles(Item i) {
        if (i.beforeRole() == null) {
            return i.afterRole();
        }
        if (i.afterRole() == null) {
            return i.beforeRole() + " (gone)";
        }
        return i.beforeRole().equals(i.afterRole()) ? i.afterRole() : i.beforeRole() + " → " + i.afterRole();
    }

    // ---- JSON ------------------------------------------------------------------------------------

    public String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", Map.of("name", "roleplan", "version", toolVersion));
        root.put("base", base);
        root.put("head", head);
        List<Object> list = new ArrayList<>();
        for (Item i : items) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("task_definition", i.taskDefinition());
            o.put("role_kind", i.kind().label());
            o.put("status", i.status());
            o.put("before_role", i.beforeRole());
            o.put("after_role", i.afterRole());
            o.put("severity", i.severity() == null ? null : i.severity().label());
            o.put("raised_by", i.why());
            for (Kind k : Kind.values()) {
                String name = k.name().toLowerCase(java.util.Locale.ROOT);
                Map<String, Object> group = new LinkedHashMap<>();
                group.put("summary", i.delta().linesOf(k).stream().map(Line::text).toList());
                List<Object> entries = new ArrayList<>();
                for (Entry e : i.delta().of(k)) {
                    Map<String, Object> eo = new LinkedHashMap<>();
                    eo.put("action", e.action());
                    eo.put("resource", e.resource());
                    eo.put("conditional", e.conditional());
                    entries.add(eo);
                }
                group.put("entries", entries);
                o.put(name, group);
            }
            list.add(o);
        }
        root.put("task_definitions", list);
        try {
            return redactor.redact(JSON.writeValueAsString(root)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- Markdown --------------------------------------------------------------------------------

    public String markdown() {
        StringBuilder out = new StringBuilder("### roleplan diff\n\n");
        out.append("Base ").append(code(base)).append(", head ").append(code(head)).append(".\n\n");
        if (items.isEmpty()) {
            out.append("No task definition's roles allow more or less than before.\n");
            return out.toString();
        }
        for (Item i : items) {
            String who = code(i.taskDefinition()) + " (" + i.kind().label() + " role " + code(roles(i)) + ")";
            List<Line> wider = new ArrayList<>(i.delta().linesOf(Kind.ADDED));
            List<Line> lifted = i.delta().linesOf(Kind.NOW_UNCONDITIONAL);
            if (!wider.isEmpty() || !lifted.isEmpty()) {
                out.append("This change lets ").append(who).append(" also do").append(i.severity() == null ? ""
                        : " (**" + i.severity().label() + "**" + (i.why() == null ? "" : " by " + text(i.why())) + ")").append(":\n\n");
                bullets(out, wider, "");
                bullets(out, lifted, "without the condition it had: ");
                out.append('\n');
            }
            List<Line> removed = i.delta().linesOf(Kind.REMOVED);
            List<Line> conditioned = i.delta().linesOf(Kind.NOW_CONDITIONAL);
            if (!removed.isEmpty() || !conditioned.isEmpty()) {
                out.append("It no longer lets ").append(who).append(" do:\n\n");
                bullets(out, removed, "");
                bullets(out, conditioned, "without a condition (now conditional): ");
                out.append('\n');
            }
        }
        return out.toString();
    }

    private void bullets(StringBuilder out, List<Line> lines, String prefix) {
        for (Line l : lines) {
            out.append("- ").append(text(prefix)).append(text(l.text())).append('\n');
        }
    }

    private String text(String s) {
        return Md.text(redactor.redact(s));
    }

    /** A code span: nothing inside is markup; backticks, controls and bidirectional controls cannot get in. */
    private String code(String s) {
        StringBuilder out = new StringBuilder("`");
        redactor.redact(s).codePoints().forEach(cp -> {
            if (cp == '`') {
                out.append('\'');
            } else if (dev.roleplan.model.Printable.isBidiControl(cp) || Character.getType(cp) == Character.CONTROL) {
                out.append(' ');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('`').toString();
    }
}
