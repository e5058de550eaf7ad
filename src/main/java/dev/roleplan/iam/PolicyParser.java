package dev.roleplan.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.roleplan.model.Condition;
import dev.roleplan.model.Patterns;
import dev.roleplan.model.PolicyDocument;
import dev.roleplan.model.Principals;
import dev.roleplan.model.Statement;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses an IAM policy document in any shape AWS accepts (one statement or a list; strings or lists of
 * strings; {@code Principal: "*"} or a map). It never throws on bad content: what is malformed becomes a
 * problem on the document (RP503), saying where, and every statement that can be understood is kept.
 */
public final class PolicyParser {

    /** Nesting in a policy is shallow; anything deeper is hostile or broken. */
    private static final int MAX_DEPTH = 64;

    /**
     * Error messages never quote the input (a policy string may sit next to secrets in a plan): no token text
     * and no raw content in Jackson's messages, only the place.
     */
    private static final ObjectMapper JSON = JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .errorReportConfiguration(com.fasterxml.jackson.core.ErrorReportConfiguration.builder()
                            .maxErrorTokenLength(0).maxRawContentLength(0).build())
                    .build())
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
    private static final Set<String> STATEMENT_KEYS = Set.of(
            "Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal", "Condition");

    private PolicyParser() {
    }

    /** Parses policy text (as found in a plan or rendered from HCL). */
    public static PolicyDocument parse(String json) {
        if (json == null || json.isBlank()) {
            return malformed("the policy is empty");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return malformed("the policy is not valid JSON (" + describe(e) + ")");
        }
        return parse(root);
    }

    /** Parses an already-decoded policy tree. */
    public static PolicyDocument parse(JsonNode root) {
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            return malformed("the policy must be a JSON object, not " + kind(root));
        }
        String version = null;
        JsonNode v = root.get("Version");
        if (v != null) {
            if (v.isTextual() && VERSIONS.contains(v.asText())) {
                version = v.asText();
            } else {
                problems.add("Version: " + quoted(v) + " is not a policy language version (use \"2012-10-17\")");
                version = v.isTextual() ? v.asText() : null;
            }
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals("Version") && !key.equals("Statement") && !key.equals("Id")) {
                problems.add("unknown top-level element \"" + key + "\"");
            }
        }
        JsonNode st = root.get("Statement");
        List<Statement> statements = new ArrayList<>();
        if (st == null) {
            problems.add("the policy has no Statement");
        } else if (st.isObject()) {
            parseStatement(st, 0, statements, problems);
        } else if (st.isArray()) {
            for (int i = 0; i < st.size(); i++) {
                parseStatement(st.get(i), i, statements, problems);
            }
        } else {
            problems.add("Statement must be an object or a list, not " + kind(st));
        }
        return new PolicyDocument(version, statements, problems);
    }

    private static void parseStatement(JsonNode node, int index, List<Statement> out, List<String> problems) {
        String where = "Statement[" + index + "]";
        if (!node.isObject()) {
            problems.add(where + " must be an object, not " + kind(node));
            return;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!STATEMENT_KEYS.contains(key)) {
                problems.add(where + ": unknown element \"" + key + "\"");
            }
        }
        String sid = null;
        JsonNode sidNode = node.get("Sid");
        if (sidNode != null) {
            if (sidNode.isTextual()) {
                sid = sidNode.asText();
            } else {
                problems.add(where + ".Sid must be a string");
            }
        }
        Statement.Effect effect = null;
        JsonNode e = node.get("Effect");
        if (e == null) {
            problems.add(where + " has no Effect");
        } else if (e.isTextual() && e.asText().equals("Allow")) {
            effect = Statement.Effect.ALLOW;
        } else if (e.isTextual() && e.asText().equals("Deny")) {
            effect = Statement.Effect.DENY;
        } else {
            problems.add(where + ".Effect: " + quoted(e) + " must be \"Allow\" or \"Deny\"");
        }
        Patterns actions = patterns(node, "Action", "NotAction", where, problems);
        if (actions == null) {
            problems.add(where + " has neither Action nor NotAction");
        }
        Patterns resources = patterns(node, "Resource", "NotResource", where, problems);
        Principals principals = principals(node, where, problems);
        List<Condition> conditions = conditions(node.get("Condition"), where, problems);
        out.add(new Statement(index, sid, effect, actions, resources, principals, conditions, null));
    }

    private static Patterns patterns(JsonNode st, String positive, String negative, String where, List<String> problems) {
        JsonNode pos = st.get(positive);
        JsonNode neg = st.get(negative);
        if (pos != null && neg != null) {
            problems.add(where + " has both " + positive + " and " + negative);
        }
        if (pos != null) {
            return new Patterns(strings(pos, where + "." + positive, problems), false);
        }
        if (neg != null) {
            return new Patterns(strings(neg, where + "." + negative, problems), true);
        }
        return null;
    }

    private static Principals principals(JsonNode st, String where, List<String> problems) {
        JsonNode pos = st.get("Principal");
        JsonNode neg = st.get("NotPrincipal");
        if (pos != null && neg != null) {
            problems.add(where + " has both Principal and NotPrincipal");
        }
        JsonNode node = pos != null ? pos : neg;
        if (node == null) {
            return null;
        }
        String path = where + (pos != null ? ".Principal" : ".NotPrincipal");
        boolean negated = pos == null;
        if (node.isTextual()) {
            if (node.asText().equals("*")) {
                return new Principals(true, Map.of(), negated);
            }
            problems.add(path + ": " + quoted(node) + " must be \"*\" or an object such as {\"Service\": \"...\"}");
            return new Principals(false, Map.of(), negated);
        }
        if (!node.isObject()) {
            problems.add(path + " must be \"*\" or an object, not " + kind(node));
            return new Principals(false, Map.of(), negated);
        }
        Map<String, List<String>> byType = new LinkedHashMap<>();
        boolean anyone = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            List<String> ids = strings(entry.getValue(), path + "." + entry.getKey(), problems);
            byType.put(entry.getKey(), ids);
            if (entry.getKey().equals("AWS") && ids.contains("*")) {
                anyone = true;
            }
        }
        return new Principals(anyone, byType, negated);
    }

    private static List<Condition> conditions(JsonNode node, String where, List<String> problems) {
        if (node == null) {
            return List.of();
        }
        String path = where + ".Condition";
        if (!node.isObject()) {
            problems.add(path + " must be an object, not " + kind(node));
            return List.of();
        }
        List<Condition> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> ops = node.fields(); ops.hasNext(); ) {
            Map.Entry<String, JsonNode> op = ops.next();
            if (!op.getValue().isObject()) {
                problems.add(path + "." + op.getKey() + " must be an object of condition keys, not " + kind(op.getValue()));
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> key = keys.next();
                List<String> values = strings(key.getValue(), path + "." + op.getKey() + "." + key.getKey(), problems);
                out.add(new Condition(op.getKey(), key.getKey(), values));
            }
        }
        return out;
    }

    /** A string, or a list of strings; numbers and booleans (allowed in conditions) are kept as their text. */
    private static List<String> strings(JsonNode node, String path, List<String> problems) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                scalar(node.get(i), path + "[" + i + "]", out, problems);
            }
            if (node.isEmpty()) {
                problems.add(path + " is an empty list");
            }
        } else {
            scalar(node, path, out, problems);
        }
        return out;
    }

    private static void scalar(JsonNode node, String path, List<String> out, List<String> problems) {
        if (node.isTextual()) {
            out.add(node.asText());
        } else if (node.isNumber() || node.isBoolean()) {
            out.add(node.asText());
        } else {
            problems.add(path + " must be a string, not " + kind(node));
        }
    }

    private static PolicyDocument malformed(String problem) {
        return new PolicyDocument(null, List.of(), List.of(problem));
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        return "a string";
    }

    private static String quoted(JsonNode node) {
        String text = node.isTextual() ? "\"" + node.asText() + "\"" : node.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private static String describe(JsonProcessingException e) {
        var loc = e.getLocation();
        String msg = e.getOriginalMessage();
        int nl = msg.indexOf('\n');
        if (nl >= 0) {
            msg = msg.substring(0, nl);
        }
        // Jackson quotes the offending text ("Unrecognized token 'hunter2'"), which may be a secret: keep only its kind
        int cut = msg.length();
        for (char c : new char[]{'(', '\'', ':', '"'}) {
            int at = msg.indexOf(c);
            if (at > 0 && at < cut) {
                cut = at;
            }
        }
        msg = msg.substring(0, cut).trim();
        return loc == null ? msg : msg + " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }
}
