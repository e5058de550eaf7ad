package dev.roleplan.ecs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The least-privilege policy that grants exactly a set of requirements: one statement per requirement kind
 * (Sids such as EcrAuth, EcrPull, Logs, Secrets), actions and resources sorted, duplicates merged. The same
 * requirements always give the same policy, as JSON tree (a finding's {@code suggestion}) or as an
 * {@code aws_iam_policy_document} data source to paste into Terraform.
 */
public record SuggestedPolicy(List<SuggestedStatement> statements) {

    public SuggestedPolicy {
        statements = List.copyOf(statements);
    }

    /** One Allow statement. */
    public record SuggestedStatement(String sid, List<String> actions, List<String> resources) {
        public SuggestedStatement {
            actions = List.copyOf(actions);
            resources = List.copyOf(resources);
        }
    }

    public static SuggestedPolicy of(List<Requirement> requirements) {
        List<SuggestedStatement> out = new ArrayList<>();
        for (RequirementKind kind : RequirementKind.values()) {
            // action → its resources; actions sharing the same resources share a statement
            Map<String, TreeSet<String>> byAction = new TreeMap<>();
            for (Requirement r : requirements) {
                if (r.kind() == kind) {
                    byAction.computeIfAbsent(r.action(), a -> new TreeSet<>()).add(r.resource());
                }
            }
            Map<List<String>, List<String>> byResources = new LinkedHashMap<>();
            for (Map.Entry<String, TreeSet<String>> e : byAction.entrySet()) {
                byResources.computeIfAbsent(List.copyOf(e.getValue()), k -> new ArrayList<>()).add(e.getKey());
            }
            int n = 0;
            for (Map.Entry<List<String>, List<String>> e : byResources.entrySet()) {
                n++;
                String sid = byResources.size() == 1 ? kind.sid() : kind.sid() + n;
                out.add(new SuggestedStatement(sid, e.getValue(), e.getKey()));
            }
        }
        return new SuggestedPolicy(out);
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /** The policy document as a JSON-like tree (maps keep insertion order: Version, then Statement). */
    public Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Version", "2012-10-17");
        List<Object> list = new ArrayList<>();
        for (SuggestedStatement s : statements) {
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("Sid", s.sid());
            st.put("Effect", "Allow");
            st.put("Action", s.actions().size() == 1 ? s.actions().get(0) : s.actions());
            st.put("Resource", s.resources().size() == 1 ? s.resources().get(0) : s.resources());
            list.add(st);
        }
        doc.put("Statement", list);
        return doc;
    }

    /** A finding's {@code suggestion}: {@code {"policy": document}}. */
    public Map<String, Object> toSuggestion() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("policy", document());
        return tree;
    }

    /** The document as compact JSON text. */
    public String toJson() {
        StringBuilder out = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
        for (int i = 0; i < statements.size(); i++) {
            SuggestedStatement s = statements.get(i);
            out.append(i == 0 ? "" : ",").append("{\"Sid\":").append(jsonString(s.sid())).append(",\"Effect\":\"Allow\"")
                    .append(",\"Action\":").append(jsonList(s.actions())).append(",\"Resource\":").append(jsonList(s.resources()))
                    .append('}');
        }
        return out.append("]}").toString();
    }

    /**
     * The policy as a {@code data "aws_iam_policy_document"} block, ready to paste. A part known only after
     * apply that names a root-module resource ({@code ${aws_kms_key.main.arn}}) stays an interpolation, so the
     * pasted block refers to that resource; any other {@code ${...}} or {@code %{...}} (an unknown marker, a
     * reference inside a module, whose address is not valid where the block is pasted) is escaped, so it stays
     * visibly unresolved instead of becoming a wrong expression.
     */
    public String toHcl(String label) {
        StringBuilder out = new StringBuilder("data \"aws_iam_policy_document\" \"").append(label).append("\" {\n");
        for (SuggestedStatement s : statements) {
            out.append("  statement {\n");
            out.append("    sid       = ").append(hclString(s.sid())).append('\n');
            out.append("    effect    = \"Allow\"\n");
            out.append("    actions   = ").append(hclList(s.actions(), "    ")).append('\n');
            out.append("    resources = ").append(hclList(s.resources(), "    ")).append('\n');
            out.append("  }\n");
        }
        return out.append("}\n").toString();
    }

    /**
     * Reads back a {@link #toSuggestion()} tree (e.g. a finding's suggestion), or returns null when the tree
     * is not one: lets a renderer show the HCL form without knowing the rule that made it.
     */
    public static SuggestedPolicy fromSuggestion(Object suggestion) {
        if (!(suggestion instanceof Map<?, ?> tree) || !(tree.get("policy") instanceof Map<?, ?> doc)
                || !(doc.get("Statement") instanceof List<?> list)) {
            return null;
        }
        List<SuggestedStatement> statements = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> st) || !(st.get("Sid") instanceof String sid)) {
                return null;
            }
            List<String> actions = strings(st.get("Action"));
            List<String> resources = strings(st.get("Resource"));
            if (actions == null || resources == null) {
                return null;
            }
            statements.add(new SuggestedStatement(sid, actions, resources));
        }
        return new SuggestedPolicy(statements);
    }

    private static List<String> strings(Object value) {
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            for (Object o : list) {
                if (!(o instanceof String s)) {
                    return null;
                }
                out.add(s);
            }
            return out;
        }
        return null;
    }

    private static String hclList(List<String> values, String indent) {
        if (values.size() == 1) {
            return "[" + hclString(values.get(0)) + "]";
        }
        StringBuilder out = new StringBuilder("[\n");
        for (String v : values) {
            out.append(indent).append("  ").append(hclString(v)).append(",\n");
        }
        return out.append(indent).append(']').toString();
    }

    private static final java.util.regex.Pattern ROOT_REFERENCE = java.util.regex.Pattern.compile(
            "\\$\\{(?!module\\.)(?:data\\.)?[a-z][a-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_-]*\\.[a-z_][a-z0-9_]*}");

    static String hclString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean templateStart = i + 1 < s.length() && s.charAt(i + 1) == '{' && (c == '$' || c == '%')
                    && !(c == '$' && ROOT_REFERENCE.matcher(s).region(i, s.length()).lookingAt());
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(templateStart ? String.valueOf(c) + c : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    private static String jsonList(List<String> values) {
        if (values.size() == 1) {
            return jsonString(values.get(0));
        }
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ",").append(jsonString(values.get(i)));
        }
        return out.append(']').toString();
    }

    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
