package dev.roleplan.iam;

import dev.roleplan.model.Patterns;
import dev.roleplan.model.PolicyDocument;
import dev.roleplan.model.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * AWS's evaluation logic for identity policies, optionally intersected with a permissions boundary:
 * an explicit Deny beats any Allow; without an Allow the request is implicitly denied; with a boundary
 * the request must be allowed by both.
 *
 * <p>Statically unknowable parts are not guessed: a statement with a Condition, a policy variable or a
 * value unknown until apply matches {@link Tri#UNKNOWN}. An unknown Allow grants conditionally; an
 * unknown Deny turns an Allow into {@code CONDITIONAL} (it might deny), never into a denial.
 *
 * <p>Actions match case-insensitively ({@code S3:getobject}), resources case-sensitively (see
 * {@link ArnPattern}). For a request that names no resource (a wildcard-only action such as
 * {@code ecr:GetAuthorizationToken}) pass {@code "*"} as the resource: only {@code Resource: "*"} covers
 * it. Statements the parser found malformed (no Effect, no Action/NotAction or no Resource/NotResource)
 * take no part: AWS would reject the whole policy, which RP503 reports. {@code sts:GetCallerIdentity}
 * is always allowed, as in AWS.
 */
public final class PolicyEvaluator {
    /** The one action every authenticated principal may call whatever its policies say. */
    static final String ALWAYS_ALLOWED = "sts:getcalleridentity";

    private PolicyEvaluator() {
    }

    /** Evaluates with policy ids {@code "0"}, {@code "1"}, ... and {@code "boundary"}. */
    public static Evaluation evaluate(List<PolicyDocument> identity, PolicyDocument boundaryOrNull,
                                      String action, String resource) {
        List<NamedPolicy> named = new ArrayList<>();
        for (int i = 0; i < identity.size(); i++) {
            named.add(new NamedPolicy(String.valueOf(i), identity.get(i)));
        }
        return evaluateNamed(named, boundaryOrNull == null ? null : new NamedPolicy("boundary", boundaryOrNull),
                action, resource);
    }

    /**
     * Whether a statement's Action / NotAction covers a lower-case action. The default reads the patterns;
     * a caller that asks about thousands of actions (every grant of a role) may answer from sets it
     * expanded once, as long as it answers exactly as {@link #actionMatches} would.
     */
    @FunctionalInterface
    public interface ActionMatcher {
        Tri matches(Statement statement, String lowerAction);
    }

    private static final ActionMatcher BY_PATTERNS = (statement, lowerAction) -> actionMatches(statement.actions(), lowerAction);

    public static Evaluation evaluateNamed(List<NamedPolicy> identity, NamedPolicy boundaryOrNull,
                                           String action, String resource) {
        return evaluateNamed(identity, boundaryOrNull, action, resource, BY_PATTERNS);
    }

    /** As {@link #evaluateNamed(List, NamedPolicy, String, String)} with a precomputed action matcher. */
    public static Evaluation evaluateNamed(List<NamedPolicy> identity, NamedPolicy boundaryOrNull,
                                           String action, String resource, ActionMatcher matcher) {
        String lowerAction = action.toLowerCase(Locale.ROOT);
        if (lowerAction.equals(ALWAYS_ALLOWED)) {
            // AWS: "No permissions are required to perform this operation", and an explicit Deny does not
            // stop it either. No statement decides it.
            return new Evaluation(Decision.ALLOWED, List.of(), Decision.ALLOWED,
                    boundaryOrNull == null ? null : Decision.ALLOWED);
        }
        SetResult id = evaluateSet(identity, lowerAction, resource, matcher);
        if (boundaryOrNull == null) {
            return new Evaluation(id.decision, id.statements, id.decision, null);
        }
        SetResult pb = evaluateSet(List.of(boundaryOrNull), lowerAction, resource, matcher);
        return new Evaluation(combine(id, pb), combinedStatements(id, pb), id.decision, pb.decision);
    }

    private static Decision combine(SetResult id, SetResult pb) {
        if (id.decision == Decision.DENIED_EXPLICIT || pb.decision == Decision.DENIED_EXPLICIT) {
            return Decision.DENIED_EXPLICIT;
        }
        if (id.decision == Decision.DENIED_IMPLICIT || pb.decision == Decision.DENIED_IMPLICIT) {
            return Decision.DENIED_IMPLICIT;
        }
        if (id.decision == Decision.CONDITIONAL || pb.decision == Decision.CONDITIONAL) {
            return Decision.CONDITIONAL;
        }
        return Decision.ALLOWED;
    }

    private static List<StatementRef> combinedStatements(SetResult id, SetResult pb) {
        Decision d = combine(id, pb);
        List<StatementRef> out = new ArrayList<>();
        if (d == Decision.DENIED_EXPLICIT) {
            // only the policies that deny explain an explicit deny
            if (id.decision == Decision.DENIED_EXPLICIT) {
                out.addAll(id.statements);
            }
            if (pb.decision == Decision.DENIED_EXPLICIT) {
                out.addAll(pb.statements);
            }
        } else if (d != Decision.DENIED_IMPLICIT) {
            out.addAll(id.statements);
            out.addAll(pb.statements);
        }
        return out;
    }

    private record SetResult(Decision decision, List<StatementRef> statements) {
    }

    private static SetResult evaluateSet(List<NamedPolicy> policies, String lowerAction, String resource,
                                         ActionMatcher matcher) {
        List<StatementRef> denyYes = new ArrayList<>();
        List<StatementRef> denyMaybe = new ArrayList<>();
        List<StatementRef> allowYes = new ArrayList<>();
        List<StatementRef> allowMaybe = new ArrayList<>();
        for (NamedPolicy policy : policies) {
            for (Statement statement : policy.document().statements()) {
                Tri match = statementMatches(statement, lowerAction, resource, matcher);
                if (match == Tri.NO) {
                    continue;
                }
                boolean conditional = match == Tri.UNKNOWN;
                StatementRef ref = StatementRef.of(policy.id(), statement, conditional);
                if (statement.isDeny()) {
                    (conditional ? denyMaybe : denyYes).add(ref);
                } else {
                    (conditional ? allowMaybe : allowYes).add(ref);
                }
            }
        }
        if (!denyYes.isEmpty()) {
            return new SetResult(Decision.DENIED_EXPLICIT, denyYes);
        }
        if (allowYes.isEmpty() && allowMaybe.isEmpty()) {
            return new SetResult(Decision.DENIED_IMPLICIT, List.of());
        }
        if (!allowYes.isEmpty() && denyMaybe.isEmpty()) {
            return new SetResult(Decision.ALLOWED, allowYes);
        }
        List<StatementRef> deciding = new ArrayList<>(allowYes);
        deciding.addAll(allowMaybe);
        deciding.addAll(denyMaybe);
        return new SetResult(Decision.CONDITIONAL, deciding);
    }

    /**
     * Whether {@code statement} applies to the request, ignoring its effect. Malformed statements never
     * apply.
     */
    public static Tri statementMatches(Statement statement, String action, String resource) {
        return statementMatches(statement, action.toLowerCase(Locale.ROOT), resource, BY_PATTERNS);
    }

    private static Tri statementMatches(Statement statement, String lowerAction, String resource, ActionMatcher matcher) {
        if (statement.effect() == null || statement.actions() == null || statement.resources() == null) {
            return Tri.NO;
        }
        Tri actionMatch = matcher.matches(statement, lowerAction);
        if (actionMatch == Tri.NO) {
            return Tri.NO;
        }
        Tri resourceMatch = resourceMatches(statement.resources(), resource);
        Tri conditionMatch = statement.hasConditions() ? Tri.UNKNOWN : Tri.YES;
        return actionMatch.and(resourceMatch).and(conditionMatch);
    }

    /** Action / NotAction against a lower-case {@code service:action}. */
    public static Tri actionMatches(Patterns actions, String lowerAction) {
        Tri any = Tri.NO;
        List<String> patterns = actions.values();
        for (int i = 0; i < patterns.size(); i++) { // indexed: asked ~22,000 times per role, an iterator each adds up
            any = any.or(actionPatternMatches(patterns.get(i), lowerAction));
            if (any == Tri.YES) {
                break;
            }
        }
        return actions.negated() ? any.not() : any;
    }

    static Tri actionPatternMatches(String pattern, String lowerAction) {
        if (pattern.contains("${")) {
            // A value unknown until apply: it might be any action.
            String widened = pattern.toLowerCase(Locale.ROOT).replaceAll("\\$\\{[^}]*}", "*");
            return Wildcard.matches(widened, lowerAction) ? Tri.UNKNOWN : Tri.NO;
        }
        return Tri.of(Wildcard.matchesLowerText(pattern, lowerAction));
    }

    /** Resource / NotResource against a concrete ARN or {@code *}. */
    public static Tri resourceMatches(Patterns resources, String resource) {
        Tri any = Tri.NO;
        for (String pattern : resources.values()) {
            any = any.or(ArnPattern.of(pattern).matches(resource));
            if (any == Tri.YES) {
                break;
            }
        }
        return resources.negated() ? any.not() : any;
    }
}
