package dev.roleplan.report;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.roleplan.engine.RuleMeta;
import dev.roleplan.engine.Severity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --format markdown}: the pull-request comment body and job summary. It renders from the JSON
 * report's tree ({@link JsonReport#tree}), so {@code roleplan check --format markdown} and
 * {@code roleplan comment REPORT.json} produce the same text for the same run, and a report saved by an
 * untrusted workflow can be rendered by a trusted one: every string read from the tree is treated as hostile
 * (escaped by {@link Md}), links are built from rule ids, never taken from the tree, and missing or
 * mistyped fields render as "?" instead of failing.
 *
 * <p>The body stays under {@link #LIMIT} characters (GitHub refuses comments over 65,536): when larger,
 * whole sections are left out, the diagram and suppressed list first, then findings from the lowest
 * severity up, and the comment says what was left out.
 */
public final class MarkdownReport implements Renderer {

    /** Below GitHub's 65,536-character comment limit, with room for the publisher's marker and header. */
    public static final int LIMIT = 60_000;
    /** Larger diagrams fail to render on GitHub (Mermaid's own text limit) and help no reviewer. */
    static final int MAX_DIAGRAM_NODES = 80;

    private static final JsonMapper SUGGESTION_JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private final int limit;

    public MarkdownReport() {
        this(LIMIT);
    }

    MarkdownReport(int limit) {
        this.limit = limit;
    }

    @Override
    public String render(Report report) {
        return render(JsonReport.tree(report));
    }

    /** Renders a report saved with {@code --format json} (the publisher's seam). */
    public String render(JsonNode report) {
        View view = View.of(report);
        List<Section> sections = new ArrayList<>();
        sections.add(Section.fixed(verdict(view)));
        Section delta = delta(view);
        if (delta != null) {
            sections.add(delta);
        }
        sections.add(table(view));
        for (Severity s : Severity.values()) {
            List<JsonNode> inSeverity = view.active.stream().filter(f -> severity(f) == s).toList();
            if (!inSeverity.isEmpty()) {
                sections.add(findings(s, inSeverity, view));
            }
        }
        Section notes = notes(view);
        if (notes != null) {
            sections.add(notes);
        }
        if (!view.suppressed.isEmpty()) {
            sections.add(suppressed(view));
        }
        Section diagram = diagram(view);
        if (diagram != null) {
            sections.add(diagram);
        }
        return Budget.fit(sections, footer(view), limit);
    }

    // ---------------------------------------------------------------- the view over an untrusted tree

    /** What the renderer needs from the tree, read defensively. */
    private record View(String version, String failOn, List<JsonNode> taskDefinitions, List<JsonNode> active,
                        List<JsonNode> suppressed, Map<String, String> ruleSummaries, List<JsonNode> warnings) {

        static View of(JsonNode root) {
            List<JsonNode> active = new ArrayList<>();
            List<JsonNode> suppressed = new ArrayList<>();
            for (JsonNode f : array(root.path("findings"))) {
                if (f.path("suppressed").isObject()) {
                    suppressed.add(f);
                } else {
                    active.add(f);
                }
            }
            // Most severe first, stably: the saved order is kept within a severity.
            active.sort(java.util.Comparator.comparing(MarkdownReport::severity));
            Map<String, String> summaries = new LinkedHashMap<>();
            for (JsonNode r : array(root.path("rules"))) {
                summaries.putIfAbsent(str(r, "id"), str(r, "summary"));
            }
            List<JsonNode> warnings = new ArrayList<>();
            for (JsonNode n : array(root.path("notices"))) {
                if ("warning".equals(str(n, "level"))) {
                    warnings.add(n);
                }
            }
            String failOn = root.path("fail_on").isTextual() ? root.path("fail_on").asText() : null;
            return new View(str(root.path("tool"), "version"), failOn, array(root.path("task_definitions")), active,
                    suppressed, summaries, warnings);
        }
    }

    private static List<JsonNode> array(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> {
                if (n.isObject()) {
                    out.add(n);
                }
            });
        }
        return out;
    }

    /** A text field, or null when missing or not text. */
    private static String str(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    /** Unrecognised severities count as info: shown, never dropped, never raising the verdict. */
    private static Severity severity(JsonNode finding) {
        String label = str(finding, "severity");
        Severity s = label == null ? null : Severity.parse(label);
        return s == null ? Severity.INFO : s;
    }

    private static Map<Severity, Integer> counts(List<JsonNode> findings) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        findings.forEach(f -> counts.merge(severity(f), 1, Integer::sum));
        return counts;
    }

    // ---------------------------------------------------------------- sections

    private static String verdict(View view) {
        Map<Severity, Integer> counts = counts(view.active);
        Severity threshold = view.failOn == null ? null : Severity.parse(view.failOn);
        StringBuilder line = new StringBuilder("### ");
        if (view.active.isEmpty()) {
            line.append("✅ roleplan: no findings");
        } else if (threshold == null) {
            line.append("ℹ️ roleplan: ").append(plural(view.active.size(), "finding"));
        } else {
            long failing = view.active.stream().filter(f -> severity(f).atLeast(threshold)).count();
            line.append(failing > 0
                    ? "❌ roleplan: " + plural((int) failing, "finding") + " at or above " + threshold.label()
                    : "✅ roleplan: nothing at or above " + threshold.label());
        }
        line.append("\n\n");
        StringBuilder c = new StringBuilder();
        for (Map.Entry<Severity, Integer> e : counts.entrySet()) {
            c.append(c.length() == 0 ? "" : " · ").append("**").append(e.getValue()).append("** ").append(e.getKey().label());
        }
        line.append(c);
        if (!view.suppressed.isEmpty()) {
            line.append(" · ").append(view.suppressed.size()).append(" suppressed (not counted)");
        }
        if (view.failOn != null) {
            line.append(" · gate: `--fail-on ").append(threshold != null ? threshold.label() : "never").append('`');
        }
        return line.append("\n\n").toString();
    }

    /**
     * The reviewer's first question, above the findings: what the change lets each task definition do that it
     * could not before (RP701's findings, most severe first).
     */
    private static Section delta(View view) {
        List<String> items = new ArrayList<>();
        for (JsonNode f : view.active) {
            if ("RP701".equals(str(f, "rule"))) {
                String kind = str(f, "role_kind");
                items.add("- This change lets " + Md.text(orUnknown(str(f, "task_definition")))
                        + (kind == null ? "" : " (" + Md.text(kind) + " role)") + " do more, " + icon(severity(f)) + " "
                        + Md.text(severity(f).label()) + ": " + Md.text(str(f, "message")) + "\n");
            }
        }
        return items.isEmpty() ? null : new Section("delta", "#### What this change grants\n\n", items, "\n",
                "new-access items");
    }

    private static Section table(View view) {
        List<String> rows = new ArrayList<>();
        for (JsonNode td : view.taskDefinitions) {
            String address = str(td, "address");
            rows.add("| " + Md.text(orUnknown(address)) + " | " + role(td.path("execution_role")) + " | "
                    + role(td.path("task_role")) + " | " + status(address, view) + " |\n");
        }
        String header = "#### Task definitions\n\n| Task definition | Execution role | Task role | Status |\n|---|---|---|---|\n";
        return new Section("task-definitions", header, rows, "\n", "task definition rows");
    }

    private static String role(JsonNode ref) {
        String status = str(ref, "status");
        String name = str(ref, "address") != null ? str(ref, "address") : str(ref, "arn");
        if (name == null) {
            return Md.text("(" + orUnknown(status) + ")");
        }
        return Md.text(name) + " (" + Md.text(orUnknown(status)) + ")";
    }

    private static String status(String tdAddress, View view) {
        List<JsonNode> mine = view.active.stream().filter(f -> tdAddress != null && tdAddress.equals(str(f, "task_definition"))).toList();
        if (mine.isEmpty()) {
            return "✅ no findings";
        }
        StringBuilder out = new StringBuilder(icon(severity(mine.get(0)))).append(' ');
        boolean first = true;
        for (Map.Entry<Severity, Integer> e : counts(mine).entrySet()) {
            if (e.getValue() > 0) {
                out.append(first ? "" : ", ").append(e.getValue()).append(' ').append(e.getKey().label());
                first = false;
            }
        }
        return out.toString();
    }

    private static Section findings(Severity severity, List<JsonNode> findings, View view) {
        String title = severity.name().charAt(0) + severity.label().substring(1);
        String header = "#### " + icon(severity) + " " + title + " (" + findings.size() + ")\n\n";
        List<String> items = new ArrayList<>();
        for (JsonNode f : findings) {
            items.add(finding(f, view));
        }
        return new Section(severity.label(), header, items, "", severity.label() + " findings");
    }

    private static String finding(JsonNode f, View view) {
        String ruleId = orUnknown(str(f, "rule"));
        StringBuilder out = new StringBuilder("**").append(Md.text(ruleId)).append(' ').append(Md.text(str(f, "name"))).append("**");
        JsonNode loc = f.path("location");
        String file = str(loc, "file");
        if (file != null) {
            String line = str(loc, "line");
            out.append(" · ").append(Md.text(line != null && !"0".equals(line) ? file + ":" + line : file));
        }
        out.append("\\\n").append(Md.text(str(f, "message"))).append("\n\n");
        String path = path(f);
        if (!path.isEmpty()) {
            out.append("- **Path:** ").append(path).append('\n');
        }
        String summary = view.ruleSummaries.get(ruleId);
        boolean documented = ruleId.matches("RP\\d{3}");
        if (summary != null || documented) {
            out.append("- **Fix:** ").append(summary != null ? Md.text(summary) + ". " : "");
            if (documented) {
                // Built from the id, never taken from the report: a saved report could carry any URL.
                out.append("See [").append(ruleId).append("](").append(RuleMeta.DOCS_BASE).append(ruleId).append(".md)");
            }
            out.append('\n');
        }
        JsonNode policy = f.path("suggestion").path("policy");
        if (policy.isObject()) {
            String json;
            try {
                json = SUGGESTION_JSON.writeValueAsString(policy);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("cannot write a suggestion", e);
            }
            String fence = Md.fence(json);
            out.append("\n<details><summary>Suggested policy</summary>\n\n").append(fence).append("json\n").append(json)
                    .append('\n').append(fence).append("\n\n</details>\n");
        }
        return out.append('\n').toString();
    }

    /** task definition → role → policy → statement, each part escaped. */
    private static String path(JsonNode f) {
        List<String> parts = new ArrayList<>();
        if (str(f, "task_definition") != null) {
            parts.add(Md.text(str(f, "task_definition")));
        }
        String kind = str(f, "role_kind");
        String role = str(f, "role");
        if (kind != null || role != null) {
            parts.add((kind == null ? "role" : Md.text(kind) + " role") + (role == null ? "" : " " + Md.text(role)));
        }
        if (str(f, "policy") != null) {
            parts.add("policy " + Md.text(str(f, "policy")));
        }
        if (str(f, "statement") != null) {
            parts.add("statement " + Md.text(str(f, "statement")));
        }
        return String.join(" → ", parts);
    }

    private static Section notes(View view) {
        if (view.warnings.isEmpty()) {
            return null;
        }
        List<String> items = new ArrayList<>();
        for (JsonNode n : view.warnings) {
            items.add("- " + Md.text(str(n, "source")) + ": " + Md.text(str(n, "message")) + "\n");
        }
        return new Section("notes", "#### ⚠️ Notes\n\n", items, "\n", "notes");
    }

    private static Section suppressed(View view) {
        List<String> rows = new ArrayList<>();
        for (JsonNode f : view.suppressed) {
            JsonNode s = f.path("suppressed");
            String path = path(f);
            rows.add("| " + Md.text(str(f, "rule")) + " | " + Md.text(str(f, "severity")) + " | " + (path.isEmpty() ? "?" : path)
                    + " | " + Md.text(str(s, "source")) + " | " + Md.text(str(s, "until")) + " | " + Md.text(str(s, "reason")) + " |\n");
        }
        String header = "<details><summary>" + plural(view.suppressed.size(), "suppressed finding")
                + " (not counted)</summary>\n\n| Rule | Severity | Path | Source | Until | Reason |\n|---|---|---|---|---|---|\n";
        return new Section("suppressed", header, rows, "\n</details>\n\n", "suppressed findings");
    }

    /** Task definitions → roles → policies; edges with an active finding are thick, red and name the rules. */
    private static Section diagram(View view) {
        if (view.taskDefinitions.isEmpty()) {
            return null;
        }
        Map<String, String> nodes = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, java.util.TreeSet<String>> edges = new LinkedHashMap<>();
        for (JsonNode td : view.taskDefinitions) {
            String tdId = node(nodes, labels, "td:" + str(td, "address"), orUnknown(str(td, "address")), "td");
            for (String kind : List.of("execution", "task")) {
                JsonNode ref = td.path(kind + "_role");
                String roleName = str(ref, "address") != null ? str(ref, "address") : str(ref, "arn");
                if (roleName == null) {
                    continue;
                }
                String roleId = node(nodes, labels, "role:" + roleName, roleName, "r");
                edges.putIfAbsent(tdId + "|" + kind + "|" + roleId, new java.util.TreeSet<>());
                for (JsonNode p : ref.path("policies")) {
                    if (p.isTextual()) {
                        String policyId = node(nodes, labels, "policy:" + p.asText(), p.asText(), "p");
                        edges.putIfAbsent(roleId + "||" + policyId, new java.util.TreeSet<>());
                    }
                }
            }
        }
        for (JsonNode f : view.active) {
            String td = nodes.get("td:" + str(f, "task_definition"));
            String role = nodes.get("role:" + str(f, "role"));
            String policy = nodes.get("policy:" + str(f, "policy"));
            String rule = orUnknown(str(f, "rule"));
            if (td != null && role != null && policy == null) {
                String kind = str(f, "role_kind");
                edges.computeIfPresent(td + "|" + kind + "|" + role, (k, v) -> {
                    v.add(rule);
                    return v;
                });
            }
            if (role != null && policy != null) {
                edges.computeIfPresent(role + "||" + policy, (k, v) -> {
                    v.add(rule);
                    return v;
                });
            }
        }
        if (nodes.size() > MAX_DIAGRAM_NODES) {
            return new Section("diagram", "#### Diagram\n\n_Left out: " + nodes.size() + " nodes are more than a diagram can show (at most "
                    + MAX_DIAGRAM_NODES + ")._\n\n", List.of(), "", "the diagram");
        }
        StringBuilder out = new StringBuilder("```mermaid\nflowchart LR\n");
        for (Map.Entry<String, String> n : nodes.entrySet()) {
            out.append("  ").append(n.getValue()).append("[\"").append(Md.mermaid(labels.get(n.getValue()))).append("\"]\n");
        }
        int index = 0;
        List<Integer> problemEdges = new ArrayList<>();
        for (Map.Entry<String, java.util.TreeSet<String>> e : edges.entrySet()) {
            String[] parts = e.getKey().split("\\|", -1);
            String label = parts[1];
            if (!e.getValue().isEmpty()) {
                label = (label.isEmpty() ? "" : label + ": ") + String.join(", ", e.getValue());
                problemEdges.add(index);
            }
            out.append("  ").append(parts[0]).append(e.getValue().isEmpty() ? " -->" : " ==>");
            out.append(label.isEmpty() ? " " : "|\"" + Md.mermaid(label) + "\"| ");
            out.append(parts[2]).append('\n');
            index++;
        }
        for (int i : problemEdges) {
            out.append("  linkStyle ").append(i).append(" stroke:#d73a49,stroke-width:3px\n");
        }
        out.append("```\n\n");
        return new Section("diagram", "#### Diagram\n\n", List.of(out.toString()), "", "the diagram");
    }

    private static String node(Map<String, String> nodes, Map<String, String> labels, String key, String label, String prefix) {
        String existing = nodes.get(key);
        if (existing != null) {
            return existing;
        }
        long sameKind = nodes.values().stream().filter(id -> id.startsWith(prefix) && id.substring(prefix.length()).matches("\\d+")).count();
        String id = prefix + sameKind;
        nodes.put(key, id);
        labels.put(id, label);
        return id;
    }

    private static String footer(View view) {
        return "<sub>roleplan " + Md.text(orUnknown(view.version)) + " · [rules](" + RuleMeta.DOCS_BASE + "README.md)</sub>\n";
    }

    // ---------------------------------------------------------------- helpers

    private static String icon(Severity s) {
        return switch (s) {
            case CRITICAL -> "🟥";
            case HIGH -> "🟧";
            case MEDIUM -> "🟨";
            case LOW -> "🟦";
            case INFO -> "⬜";
        };
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String orUnknown(String s) {
        return s == null ? "?" : s;
    }

    /**
     * A part of the comment: a header, items, a footer. Sections named in {@link Budget#DROP_ORDER} may be
     * left out whole; the others are cut item by item, as a last resort.
     */
    record Section(String key, String header, List<String> items, String footer, String description) {
        static Section fixed(String text) {
            return new Section("verdict", text, List.of(), "", "the verdict");
        }

        int length() {
            return header.length() + footer.length() + items.stream().mapToInt(String::length).sum();
        }

        String render(int keep, String itemsLeftOut) {
            StringBuilder out = new StringBuilder(header);
            items.subList(0, keep).forEach(out::append);
            if (keep < items.size()) {
                out.append(itemsLeftOut);
            }
            return out.append(footer).toString();
        }
    }

    /** Fits sections into the limit: whole sections first, lowest value first, then items of what remains. */
    static final class Budget {
        static final List<String> DROP_ORDER = List.of("diagram", "suppressed", "notes", "info", "low", "medium");

        static String fit(List<Section> sections, String footer, int limit) {
            Map<String, Integer> keep = new LinkedHashMap<>();
            sections.forEach(s -> keep.put(s.key(), s.items().size()));
            List<String> dropped = new ArrayList<>();
            List<Section> remaining = new ArrayList<>(sections);
            String text = assemble(remaining, keep, dropped, footer);
            for (String key : DROP_ORDER) {
                if (text.length() <= limit) {
                    return text;
                }
                Section s = remaining.stream().filter(x -> x.key().equals(key)).findFirst().orElse(null);
                if (s != null) {
                    remaining.remove(s);
                    dropped.add(s.key().equals("diagram") ? s.description() : s.items().size() + " " + s.description());
                    text = assemble(remaining, keep, dropped, footer);
                }
            }
            // Still too long: the table may take a third of the room, then findings are cut item by item (critical
            // last), then the table again.
            Section table = remaining.stream().filter(x -> x.key().equals("task-definitions")).findFirst().orElse(null);
            if (table != null && text.length() > limit && table.length() > limit / 3) {
                keep.put(table.key(), mostThatFit(table.items(), limit / 3 - table.header().length() - table.footer().length()));
                text = assemble(remaining, keep, dropped, footer);
            }
            for (String key : List.of("high", "critical", "task-definitions")) {
                Section s = remaining.stream().filter(x -> x.key().equals(key)).findFirst().orElse(null);
                if (s == null || text.length() <= limit) {
                    continue;
                }
                int lo = 0;
                int hi = keep.get(key);
                while (lo < hi) {
                    int mid = (lo + hi + 1) / 2;
                    keep.put(key, mid);
                    if (assemble(remaining, keep, dropped, footer).length() <= limit) {
                        lo = mid;
                    } else {
                        hi = mid - 1;
                    }
                }
                keep.put(key, lo);
                text = assemble(remaining, keep, dropped, footer);
            }
            return text;
        }

        private static int mostThatFit(List<String> items, int room) {
            int used = 0;
            for (int i = 0; i < items.size(); i++) {
                used += items.get(i).length();
                if (used > room) {
                    return i;
                }
            }
            return items.size();
        }

        private static String assemble(List<Section> sections, Map<String, Integer> keep, List<String> dropped, String footer) {
            StringBuilder out = new StringBuilder();
            List<String> cut = new ArrayList<>(dropped);
            for (Section s : sections) {
                int k = keep.get(s.key());
                int more = s.items().size() - k;
                String moreLine = more == 0 ? "" : "_… and " + more + " more " + s.description() + " left out._\n\n";
                out.append(s.render(k, moreLine));
                if (more > 0) {
                    cut.add(more + " " + s.description());
                }
            }
            if (!cut.isEmpty()) {
                out.append("> **Left out to stay within GitHub's comment size:** ").append(String.join("; ", cut))
                        .append(". The `--format json` and `--format sarif` reports have everything.\n\n");
            }
            return out.append(footer).toString();
        }
    }
}
