package dev.roleplan.input.hcl;

import dev.roleplan.model.Address;
import dev.roleplan.model.Reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a {@code data "aws_iam_policy_document"} into the JSON the AWS provider writes: statements from
 * {@code statement} blocks (dynamic ones already expanded), merged with {@code source_policy_documents} and
 * {@code override_policy_documents} by Sid. Unknown strings stay as {@code ${reference}} text; a value that
 * has no text form makes the whole document unknown.
 */
final class PolicyDocumentRenderer {

    private PolicyDocumentRenderer() {
    }

    static Object render(String address, Map<String, Object> body, Session session) {
        Reference self = new Reference(Address.of(address), "json");
        List<Object> statements = new ArrayList<>();
        for (String merged : List.of("source_policy_documents", "source_json")) {
            Object sources = body.get(merged);
            Object problem = addDocuments(sources, statements, false);
            if (problem != null) {
                return unknown(self, problem);
            }
        }
        Object blocks = body.get("statement");
        if (blocks instanceof Unknown u) {
            return unknown(self, u);
        }
        if (blocks instanceof List<?> list) {
            for (Object block : list) {
                if (block instanceof Map<?, ?> map) {
                    mergeBySid(statements, statement(map), true);
                }
            }
        }
        for (String merged : List.of("override_policy_documents", "override_json")) {
            Object problem = addDocuments(body.get(merged), statements, true);
            if (problem != null) {
                return unknown(self, problem);
            }
        }
        Map<String, Object> document = new LinkedHashMap<>();
        Object version = body.get("version");
        document.put("Version", version == null ? "2012-10-17" : version);
        if (body.get("policy_id") != null) {
            document.put("Id", body.get("policy_id"));
        }
        document.put("Statement", statements);
        List<dev.roleplan.model.SourceLocation> positions = new ArrayList<>();
        Object json = Json.encode(document, false, positions);
        if (json instanceof Unknown u && u.text() != null) {
            // Known shape with ${...} parts: the document is usable; the parts stay unknown to the evaluator.
            session.statements(u.text(), positions);
            return u.text();
        }
        if (json instanceof String text) {
            session.statements(text, positions);
        }
        return json instanceof Unknown u ? unknown(self, u) : json;
    }

    private static Unknown unknown(Reference self, Object cause) {
        Set<Reference> references = new LinkedHashSet<>();
        references.add(self);
        Unknown.collect(cause, references);
        String reason = cause instanceof Unknown u ? u.reason() : "known after apply";
        return new Unknown(reason, new ArrayList<>(references), null);
    }

    /** Adds the statements of JSON documents; returns the unknown that prevents it, or null. */
    private static Object addDocuments(Object documents, List<Object> statements, boolean override) {
        if (documents == null) {
            return null;
        }
        if (documents instanceof Unknown) {
            return documents;
        }
        List<?> list = documents instanceof List<?> l ? l : List.of(documents);
        for (Object document : list) {
            if (document instanceof Unknown) {
                return document;
            }
            if (!(document instanceof String text) || text.isBlank()) {
                continue;
            }
            Object decoded = Json.decode(text).map(Json.Decoded::value).orElse(null);
            if (!(decoded instanceof Map<?, ?> map)) {
                return Unknown.of("a merged policy document is not a JSON object");
            }
            Object inner = map.get("Statement");
            List<?> innerStatements = inner instanceof List<?> il ? il : inner == null ? List.of() : List.of(inner);
            for (Object statement : innerStatements) {
                mergeBySid(statements, statement, override);
            }
        }
        return null;
    }

    /** A statement with a Sid already present replaces it; others are appended. */
    private static void mergeBySid(List<Object> statements, Object statement, boolean replace) {
        Object sid = statement instanceof Map<?, ?> m ? m.get("Sid") : null;
        if (sid instanceof String s && !s.isEmpty()) {
            for (int i = 0; i < statements.size(); i++) {
                if (statements.get(i) instanceof Map<?, ?> existing && s.equals(existing.get("Sid"))) {
                    if (replace) {
                        statements.set(i, statement);
                    }
                    return;
                }
            }
        }
        statements.add(statement);
    }

    private static Map<String, Object> statement(Map<?, ?> block) {
        Map<String, Object> out = block instanceof PositionedMap p ? new PositionedMap(p.range()) : new LinkedHashMap<>();
        Object sid = block.get("sid");
        if (sid != null && !"".equals(sid)) {
            out.put("Sid", sid);
        }
        Object effect = block.get("effect");
        out.put("Effect", effect == null ? "Allow" : effect);
        putSet(out, "Action", block.get("actions"));
        putSet(out, "NotAction", block.get("not_actions"));
        putSet(out, "Resource", block.get("resources"));
        putSet(out, "NotResource", block.get("not_resources"));
        putPrincipals(out, "Principal", block.get("principals"));
        putPrincipals(out, "NotPrincipal", block.get("not_principals"));
        Object conditions = block.get("condition");
        if (conditions instanceof Unknown) {
            out.put("Condition", conditions);
        } else if (conditions instanceof List<?> list && !list.isEmpty()) {
            Map<String, Object> byTest = new LinkedHashMap<>();
            for (Object condition : list) {
                if (condition instanceof Map<?, ?> c) {
                    Object test = c.get("test");
                    Object variable = c.get("variable");
                    if (test instanceof Unknown || variable instanceof Unknown) {
                        out.put("Condition", test instanceof Unknown ? test : variable);
                        return out;
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Object> byVariable = (Map<String, Object>) byTest.computeIfAbsent(String.valueOf(test),
                            k -> new LinkedHashMap<String, Object>());
                    byVariable.put(String.valueOf(variable), single(DataSources.set(c.get("values"))));
                }
            }
            out.put("Condition", byTest);
        }
        return out;
    }

    private static void putSet(Map<String, Object> out, String key, Object value) {
        if (value instanceof Unknown) {
            out.put(key, value);
            return;
        }
        List<Object> set = DataSources.set(value);
        if (!set.isEmpty()) {
            out.put(key, single(set));
        }
    }

    private static Object single(List<Object> values) {
        return values.size() == 1 ? values.get(0) : values;
    }

    private static void putPrincipals(Map<String, Object> out, String key, Object value) {
        if (value instanceof Unknown) {
            out.put(key, value);
            return;
        }
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            return;
        }
        Map<String, List<Object>> byType = new LinkedHashMap<>();
        for (Object principal : list) {
            if (!(principal instanceof Map<?, ?> p)) {
                continue;
            }
            Object type = p.get("type");
            List<Object> identifiers = DataSources.set(p.get("identifiers"));
            if ("*".equals(type) && identifiers.equals(List.of("*"))) {
                out.put(key, "*");
                return;
            }
            byType.computeIfAbsent(String.valueOf(type), k -> new ArrayList<>()).addAll(identifiers);
        }
        Map<String, Object> principals = new LinkedHashMap<>();
        byType.forEach((type, ids) -> principals.put(type, single(ids)));
        out.put(key, principals);
    }
}
