package dev.roleplan.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roleplan.iam.ActionCatalog;
import dev.roleplan.iam.Arn;
import dev.roleplan.iam.Decision;
import dev.roleplan.iam.Evaluation;
import dev.roleplan.iam.NamedPolicy;
import dev.roleplan.iam.PolicyEvaluator;
import dev.roleplan.iam.StatementRef;
import dev.roleplan.iam.Wildcard;
import dev.roleplan.model.PolicyDocument;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code roleplan policy simulate}: can identity policies (within an optional permissions boundary) do
 * ACTION on RESOURCE? Answers with {@link PolicyEvaluator}, the same evaluation the rules use.
 *
 * @param evaluation the decision and the deciding statements
 * @param warnings   what the user should know about the question or the documents (malformed parts that take
 *                   no part, an action the catalog does not know), for standard error
 */
public record PolicySimulation(Evaluation evaluation, List<String> warnings) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public PolicySimulation {
        warnings = List.copyOf(warnings);
    }

    /**
     * @param policies the identity policies, named by their file
     * @param boundary the permissions boundary, or null
     * @throws UsageException when the action or resource is not one concrete request
     */
    public static PolicySimulation run(List<NamedPolicy> policies, NamedPolicy boundary, String action, String resource) {
        if (action.indexOf(':') <= 0 || Wildcard.hasWildcard(action)) {
            throw new UsageException("--action " + action + ": give one concrete action such as s3:GetObject");
        }
        if (!resource.equals("*") && Arn.tryParse(resource).isEmpty()) {
            throw new UsageException("--resource " + resource + ": " + problem(resource)
                    + " (use \"*\" for actions that take no resource)");
        }
        List<String> warnings = new ArrayList<>();
        if (ActionCatalog.get().action(action).isEmpty()) {
            warnings.add("warning: " + action + " is not an action the IAM catalog knows; only statements naming it literally or by wildcard can match");
        }
        List<NamedPolicy> all = new ArrayList<>(policies);
        if (boundary != null) {
            all.add(boundary);
        }
        for (NamedPolicy p : all) {
            for (String problem : p.document().problems()) {
                warnings.add("warning: " + p.id() + ": " + problem + "; the statements roleplan understood are evaluated");
            }
        }
        return new PolicySimulation(PolicyEvaluator.evaluateNamed(policies, boundary, action, resource), warnings);
    }

    private static String problem(String resource) {
        try {
            Arn.parse(resource);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Convenience for one document per file. */
    public static NamedPolicy named(String file, PolicyDocument document) {
        return new NamedPolicy(file, document);
    }

    /** The text answer: the decision and why, then the deciding statements, one a line. */
    public String text() {
        Evaluation e = evaluation;
        StringBuilder out = new StringBuilder(e.decision().word());
        out.append(switch (e.decision()) {
            case ALLOWED -> "";
            case DENIED_EXPLICIT -> " (explicit deny)";
            case DENIED_IMPLICIT -> e.deniedByBoundary() ? " (implicit: the permissions boundary does not allow it)"
                    : " (implicit: no statement allows it)";
            case CONDITIONAL -> " (depends on conditions or values unknown until apply)";
        }).append('\n');
        for (StatementRef s : e.statements()) {
            out.append("  ").append(s.policyId()).append(" statement ").append(s.index());
            if (s.sid() != null && !s.sid().isEmpty()) {
                out.append(" (").append(s.sid()).append(')');
            }
            out.append(": ").append(effect(s)).append(s.conditional() ? ", conditional" : "").append('\n');
        }
        return out.toString();
    }

    /** The JSON answer: {@code {"decision", "explicit_deny", "statements": [{"policy", "index", "sid", "effect"}]}}. */
    public String json() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("decision", evaluation.decision().word());
        root.put("explicit_deny", evaluation.decision() == Decision.DENIED_EXPLICIT);
        ArrayNode statements = root.putArray("statements");
        for (StatementRef s : evaluation.statements()) {
            ObjectNode o = statements.addObject();
            o.put("policy", s.policyId());
            o.put("index", s.index());
            o.put("sid", s.sid() == null || s.sid().isEmpty() ? null : s.sid());
            o.put("effect", effect(s));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write the simulation result", ex);
        }
    }

    private static String effect(StatementRef s) {
        return s.effect() == dev.roleplan.model.Statement.Effect.ALLOW ? "Allow" : "Deny";
    }
}
