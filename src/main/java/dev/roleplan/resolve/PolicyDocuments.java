package dev.roleplan.resolve;

import dev.roleplan.iam.PolicyParser;
import dev.roleplan.model.PolicyDocument;
import dev.roleplan.model.Reference;
import dev.roleplan.model.Resource;
import dev.roleplan.model.SourceLocation;
import dev.roleplan.model.Statement;
import dev.roleplan.model.UnknownValue;
import dev.roleplan.model.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a policy attribute into a parsed document: a known JSON string is parsed (never compared as
 * text); an unknown one is followed through its references to a {@code data.aws_iam_policy_document}
 * (its {@code json}, or the document rebuilt from its {@code statement} blocks when the JSON is unknown)
 * or to an {@code aws_iam_policy}'s {@code policy}. What stays unknown says why.
 */
final class PolicyDocuments {

    private static final int MAX_DEPTH = 8;

    private final InputIndex index;

    PolicyDocuments(InputIndex index) {
        this.index = index;
    }

    /** The document in a resource's top-level attribute ({@code policy}, {@code assume_role_policy}). */
    Value<PolicyDocument> of(Resource owner, String attribute) {
        Object value = owner.value(attribute);
        return of(value, Values.referencesOf(owner, attribute, value), owner.address() + "." + attribute, 0);
    }

    /** A document value found inside a block (e.g. an {@code inline_policy} block's {@code policy}). */
    Value<PolicyDocument> of(Object value, List<Reference> references, String what) {
        return of(value, references, what, 0);
    }

    private Value<PolicyDocument> of(Object value, List<Reference> references, String what, int depth) {
        if (value instanceof String text) {
            return text.isBlank() ? Value.absent() : Value.known(located(PolicyParser.parse(text), text));
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return Value.known(PolicyParser.parse(JsonText.write(value)));
        }
        if (value instanceof UnknownValue unknown) {
            List<Reference> refs = unknown.references().isEmpty() ? references : unknown.references();
            return fromReferences(refs, what, depth);
        }
        if (value instanceof Number || value instanceof Boolean) {
            // a policy of the wrong type is malformed (RP503), not absent
            return Value.known(PolicyParser.parse(JsonText.write(value)));
        }
        return Value.absent();
    }

    /** The statements with the positions the front end recorded for this document text, if any. */
    private PolicyDocument located(PolicyDocument document, String text) {
        List<SourceLocation> where = index.input().statementLocations().get(text);
        if (where == null || where.size() != document.statements().size()) {
            return document;
        }
        List<Statement> statements = new ArrayList<>();
        for (int i = 0; i < where.size(); i++) {
            Statement s = document.statements().get(i);
            statements.add(where.get(i) == null || s.location() != null ? s : new Statement(s.index(), s.sid(), s.effect(),
                    s.actions(), s.resources(), s.principals(), s.conditions(), where.get(i)));
        }
        return new PolicyDocument(document.version(), statements, document.problems());
    }

    private Value<PolicyDocument> fromReferences(List<Reference> references, String what, int depth) {
        List<Reference> unfollowable = new ArrayList<>();
        List<Reference> elsewhere = new ArrayList<>();
        if (depth < MAX_DEPTH) {
            for (Reference reference : references) {
                if (!reference.isFollowable()) {
                    unfollowable.add(reference);
                    continue;
                }
                Resource target = index.get(reference.target());
                if (target == null) {
                    elsewhere.add(reference);
                    continue;
                }
                Value<PolicyDocument> document = fromTarget(target, depth);
                if (document != null && !document.isAbsent()) {
                    return document;
                }
                elsewhere.add(reference);
            }
        }
        String reason;
        if (!unfollowable.isEmpty()) {
            reason = what + Values.unfollowable(unfollowable);
        } else if (!elsewhere.isEmpty()) {
            reason = what + " is computed from " + Values.describe(elsewhere) + ", known only after apply";
        } else {
            reason = what + " is known only after apply";
        }
        return Value.unknown(reason, references);
    }

    /** The document a referenced resource holds, or null when it holds none. */
    private Value<PolicyDocument> fromTarget(Resource target, int depth) {
        if (target.isData() && target.type().equals("aws_iam_policy_document")) {
            return ofPolicyDocumentData(target);
        }
        if (target.type().equals("aws_iam_policy")) {
            Object policy = target.value("policy");
            return of(policy, Values.referencesOf(target, "policy", policy), target.address() + ".policy", depth + 1);
        }
        return null;
    }

    /** A {@code data.aws_iam_policy_document}: its rendered JSON, else rebuilt from its statement blocks. */
    Value<PolicyDocument> ofPolicyDocumentData(Resource document) {
        String json = Values.knownString(document.value("json"));
        if (json != null) {
            return Value.known(located(PolicyParser.parse(json), json));
        }
        for (String merged : List.of("source_policy_documents", "override_policy_documents", "source_json", "override_json")) {
            Object value = document.value(merged);
            if (value instanceof UnknownValue || (value instanceof List<?> list && !list.isEmpty())
                    || (value instanceof String text && !text.isEmpty())) {
                // Its statement blocks alone would understate the document: say so rather than guess.
                List<Reference> references = Values.referencesOf(document, merged, value);
                return Value.unknown(document.address() + ".json is known only after apply and merges " + merged
                        + (references.isEmpty() ? "" : " (computed from " + Values.describe(references) + ")"), references);
            }
        }
        List<Object> statements = Values.list(document.value("statement"));
        if (statements.isEmpty()) {
            return Value.unknown(document.address() + ".json is known only after apply and the input shows no statement blocks");
        }
        Map<String, Object> rebuilt = new LinkedHashMap<>();
        String version = Values.knownString(document.value("version"));
        rebuilt.put("Version", version == null ? "2012-10-17" : version);
        List<Object> out = new ArrayList<>();
        for (Object statement : statements) {
            Map<String, Object> block = Values.map(statement);
            if (block != null) {
                out.add(statement(block));
            }
        }
        rebuilt.put("Statement", out);
        return Value.known(PolicyParser.parse(JsonText.write(rebuilt)));
    }

    private static Map<String, Object> statement(Map<String, Object> block) {
        Map<String, Object> out = new LinkedHashMap<>();
        String sid = text(block.get("sid"));
        if (sid != null && !sid.isEmpty()) {
            out.put("Sid", sid);
        }
        String effect = text(block.get("effect"));
        out.put("Effect", effect == null || effect.isEmpty() ? "Allow" : effect);
        putList(out, "Action", block.get("actions"));
        putList(out, "NotAction", block.get("not_actions"));
        putList(out, "Resource", block.get("resources"));
        putList(out, "NotResource", block.get("not_resources"));
        putPrincipals(out, "Principal", block.get("principals"));
        putPrincipals(out, "NotPrincipal", block.get("not_principals"));
        Map<String, Object> conditions = new LinkedHashMap<>();
        for (Object condition : Values.list(block.get("condition"))) {
            Map<String, Object> c = Values.map(condition);
            if (c == null) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> byKey = (Map<String, Object>) conditions.computeIfAbsent(
                    String.valueOf(text(c.get("test"))), k -> new LinkedHashMap<String, Object>());
            byKey.put(String.valueOf(text(c.get("variable"))), strings(c.get("values")));
        }
        if (!conditions.isEmpty()) {
            out.put("Condition", conditions);
        }
        return out;
    }

    private static void putList(Map<String, Object> out, String key, Object value) {
        List<String> strings = strings(value);
        if (!strings.isEmpty() || value instanceof UnknownValue) {
            out.put(key, strings);
        }
    }

    private static void putPrincipals(Map<String, Object> out, String key, Object value) {
        Map<String, Object> byType = new LinkedHashMap<>();
        for (Object principal : Values.list(value)) {
            Map<String, Object> p = Values.map(principal);
            if (p == null) {
                continue;
            }
            String type = text(p.get("type"));
            List<String> identifiers = strings(p.get("identifiers"));
            if ("*".equals(type) && identifiers.equals(List.of("*"))) {
                out.put(key, "*");
                return;
            }
            @SuppressWarnings("unchecked")
            List<String> existing = (List<String>) byType.computeIfAbsent(String.valueOf(type), k -> new ArrayList<String>());
            existing.addAll(identifiers);
        }
        if (!byType.isEmpty()) {
            out.put(key, byType);
        }
    }

    /** A list of strings; unknown parts become {@code ${reference}} text, or {@code ${unknown}}. */
    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object element : list) {
                out.add(text(element));
            }
        } else if (value != null) {
            out.add(text(value));
        }
        return out;
    }

    private static String text(Object value) {
        if (value instanceof UnknownValue unknown) {
            for (Reference reference : unknown.references()) {
                if (reference.isFollowable()) {
                    return "${" + reference + "}";
                }
            }
            return unknown.references().isEmpty() ? "${unknown}" : "${" + unknown.references().get(0) + "}";
        }
        return value == null ? null : value instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(value);
    }
}
