package dev.roleplan.iam;

import dev.roleplan.model.PolicyDocument;
import dev.roleplan.model.Statement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a role can do, over the catalog's concrete actions: the union of the Allow statements of all its
 * policies (AWS-managed included), minus what explicit Denies remove, within its permissions boundary.
 * Computed once per role and shared by every rule that asks (RP102, RP108, RP4xx, RP2xx, RP701, RP901).
 *
 * <p>Per action it keeps the granted resource patterns and whether the grant is unbounded (allowed on
 * {@code "*"} unconditionally) or only conditional. Decisions for a concrete request go through
 * {@link PolicyEvaluator}, so the two never disagree.
 */
public final class EffectivePermissions {

    /**
     * One action the role may perform.
     *
     * @param action      canonical {@code service:Action}
     * @param resources   the resource patterns of the Allow statements that grant it; NotResource
     *                    patterns are prefixed with {@code "not "}
     * @param unbounded   allowed on {@code "*"} with no condition: no resource bound at all
     * @param conditional every granting statement (or a Deny that may apply) has conditions
     * @param statements  the Allow statements that grant it
     * @param info        the catalog's entry for the action (access level, resource types)
     */
    public record Grant(String action, List<String> resources, boolean unbounded, boolean conditional,
                        List<StatementRef> statements, ActionInfo info) {
        public Grant {
            resources = List.copyOf(resources);
            statements = List.copyOf(statements);
        }
    }

    private final List<NamedPolicy> identity;
    private final NamedPolicy boundary;
    private final Map<String, Grant> grants;
    /** Names an action in any spelling (grants are keyed by the catalog's). */
    private final ActionCatalog catalog;

    private EffectivePermissions(List<NamedPolicy> identity, NamedPolicy boundary, Map<String, Grant> grants,
                                 ActionCatalog catalog) {
        this.identity = identity;
        this.boundary = boundary;
        this.grants = grants;
        this.catalog = catalog;
    }

    /** @param boundaryOrNull the permissions boundary, or null when the role has none */
    public static EffectivePermissions of(List<NamedPolicy> identity, NamedPolicy boundaryOrNull, ActionCatalog catalog) {
        // Each action with the Allow statements that name it (hashing only its name); grants are sorted
        // once at the end.
        List<Granting> allows = new ArrayList<>();
        Map<ActionInfo, Candidate> candidates = new LinkedHashMap<>();
        for (NamedPolicy policy : identity) {
            for (Statement s : policy.document().statements()) {
                if (!s.isAllow() || s.actions() == null || s.resources() == null) {
                    continue; // malformed statements grant nothing (RP503 reports them)
                }
                int index = allows.size();
                allows.add(new Granting(StatementRef.of(policy.id(), s, s.hasConditions()), s));
                for (ActionInfo action : actionsOf(s, catalog)) {
                    Candidate c = candidates.get(action);
                    if (c == null) {
                        candidates.put(action, new Candidate(action, index));
                    } else {
                        c.add(index);
                    }
                }
            }
        }
        // Expanding every statement over the catalog pays off only when there are many actions to decide.
        Expansion matcher = candidates.size() > EXPAND_ABOVE ? expandedOnce(identity, boundaryOrNull, catalog) : null;
        Decisions decisions = new Decisions(identity, boundaryOrNull, matcher);
        List<Grant> granted = new ArrayList<>(candidates.size());
        // The thousands of actions one wildcard statement grants share one resource list and one statement list
        // (a role with Action "*" holds ~22,000 grants for the whole run): built once per set of statements.
        Groups groups = new Groups(allows);
        for (Candidate c : candidates.values()) {
            String action = c.info.fullName();
            String lowerAction = c.info.lowerName();
            Group group = groups.of(c);
            String signature = decisions.signature(lowerAction);
            Decision onStar = decisions.decide(action, lowerAction, signature, "*");
            boolean anyAllowed = onStar == Decision.ALLOWED || onStar == Decision.CONDITIONAL;
            boolean anyUnconditional = onStar == Decision.ALLOWED;
            // An action that takes no resource (ecr:GetAuthorizationToken, s3:ListAllMyBuckets) is granted only
            // through Resource "*": a statement naming specific ARNs never applies to it.
            boolean wildcardOnly = c.info.isWildcardOnly();
            for (String pattern : wildcardOnly ? List.<String>of() : group.resources()) {
                if (anyUnconditional) {
                    break;
                }
                if (pattern.startsWith("not ")) {
                    anyAllowed = true; // everything but the listed resources: some resource remains
                    continue;
                }
                // The granted pattern itself, as a resource: denied only if a Deny covers the whole pattern.
                Decision d = decisions.decide(action, lowerAction, signature, pattern);
                anyAllowed |= d == Decision.ALLOWED || d == Decision.CONDITIONAL;
                anyUnconditional |= d == Decision.ALLOWED;
            }
            if (anyAllowed) {
                granted.add(new Grant(action, group.resources(), onStar == Decision.ALLOWED, !anyUnconditional,
                        group.statements(), c.info));
            }
        }
        return new EffectivePermissions(List.copyOf(identity), boundaryOrNull,
                Collections.unmodifiableMap(sortedByName(granted)), catalog);
    }

    /** An Allow statement of the role, with how findings name it. */
    private record Granting(StatementRef ref, Statement statement) {
    }

    /** The resources (Resource values, and NotResource values as {@code "not P"}) and statements of a set of Allows. */
    private record Group(List<String> resources, List<StatementRef> statements) {
    }

    /** Groups by the set of granting statements, each built once: most actions are granted by one statement. */
    private static final class Groups {
        private final List<Granting> allows;
        private final Group[] single;
        private final Map<List<Integer>, Group> several = new HashMap<>();

        Groups(List<Granting> allows) {
            this.allows = allows;
            this.single = new Group[allows.size()];
        }

        Group of(Candidate c) {
            if (c.count == 1) {
                Group g = single[c.statements[0]];
                if (g == null) {
                    g = build(c.statements, 1);
                    single[c.statements[0]] = g;
                }
                return g;
            }
            List<Integer> key = new ArrayList<>(c.count);
            for (int i = 0; i < c.count; i++) {
                key.add(c.statements[i]);
            }
            return several.computeIfAbsent(key, k -> build(c.statements, c.count));
        }

        /** In statement order: the resources as first met, every statement once per grant. */
        private Group build(int[] statements, int count) {
            Set<String> resources = new LinkedHashSet<>();
            List<StatementRef> refs = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Granting g = allows.get(statements[i]);
                for (String r : g.statement().resources().values()) {
                    resources.add(g.statement().resources().negated() ? "not " + r : r);
                }
                refs.add(g.ref());
            }
            return new Group(List.copyOf(resources), List.copyOf(refs));
        }
    }

    /** Convenience for documents without ids. */
    public static EffectivePermissions ofDocuments(List<PolicyDocument> documents, ActionCatalog catalog) {
        List<NamedPolicy> named = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            named.add(new NamedPolicy(String.valueOf(i), documents.get(i)));
        }
        return of(named, null, catalog);
    }

    /** Canonical names of every action the role may perform on some resource, sorted case-insensitively. */
    public Set<String> actions() {
        return grants.keySet();
    }

    /** The grant of {@code action}, named in any case. */
    public Optional<Grant> grant(String action) {
        return Optional.ofNullable(find(action));
    }

    public boolean allows(String action) {
        return find(action) != null;
    }

    /** Allowed on {@code "*"} without any condition: the role may perform the action on every resource. */
    public boolean allowsUnbounded(String action) {
        Grant g = find(action);
        return g != null && g.unbounded();
    }

    /** The decision for one concrete request, exactly as {@link PolicyEvaluator} makes it. */
    public Evaluation decide(String action, String resource) {
        return PolicyEvaluator.evaluateNamed(identity, boundary, action, resource);
    }

    /** Every grant by canonical action name, in case-insensitive order; {@link #grant} finds one by any case. */
    public Map<String, Grant> grants() {
        return grants;
    }

    /**
     * The grants by canonical action name, in case-insensitive order. They arrive nearly in order (catalog
     * expansions are), so sorting by the interned lower-case names is about one pass with plain comparisons;
     * for catalog names of letters, digits, '-' and ':' that is the case-insensitive order, and every bundled
     * action is named so (the build step that compiles the catalog refuses other names: {@link CompiledCatalog#main}).
     */
    private static Map<String, Grant> sortedByName(List<Grant> grants) {
        if (!inLowerNameOrder(grants)) {
            grants.sort(BY_LOWER_NAME);
        }
        Map<String, Grant> out = new LinkedHashMap<>(grants.size() * 4 / 3 + 1);
        for (Grant g : grants) {
            out.put(g.action(), g);
        }
        return out;
    }

    private static final Comparator<Grant> BY_LOWER_NAME = (a, b) -> a.info().lowerName().compareTo(b.info().lowerName());

    /** One pass that spares the sort: grants from one statement arrive in the catalog's (lower-case name) order. */
    private static boolean inLowerNameOrder(List<Grant> grants) {
        for (int i = 1; i < grants.size(); i++) {
            if (grants.get(i - 1).info().lowerName().compareTo(grants.get(i).info().lowerName()) > 0) {
                return false;
            }
        }
        return true;
    }

    /** The grant of an action named in any case: canonical names hit directly, others through the catalog's spelling. */
    private Grant find(String action) {
        Grant g = grants.get(action);
        return g != null ? g : catalog.action(action).map(a -> grants.get(a.fullName())).orElse(null);
    }

    /**
     * Decisions for the many candidate actions of one role. With a resource fixed, a decision depends on the
     * action only through which statements match it (resource and condition are the statement's own), so
     * actions that match the same statements share one evaluation: the ~22,000 actions of {@code "*"} need
     * one. Without an expanded matcher (few candidates) every action is evaluated.
     */
    private static final class Decisions {
        private final List<NamedPolicy> identity;
        private final NamedPolicy boundary;
        private final Expansion matcher;
        private final List<Statement> statements = new ArrayList<>();
        /** Per statement: its expanded names, or null when it is malformed or matched from its patterns. */
        private final List<Set<String>> expanded = new ArrayList<>();
        /** By signature, then by resource. */
        private final Map<String, Map<String, Decision>> memo = new HashMap<>();
        /** The last signature asked about and its decisions: neighbouring actions mostly share one. */
        private String lastSignature;
        private Map<String, Decision> lastDecisions;

        Decisions(List<NamedPolicy> identity, NamedPolicy boundary, Expansion matcherOrNull) {
            this.identity = identity;
            this.boundary = boundary;
            this.matcher = matcherOrNull;
            for (NamedPolicy policy : identity) {
                statements.addAll(policy.document().statements());
            }
            if (boundary != null) {
                statements.addAll(boundary.document().statements());
            }
            for (Statement s : statements) {
                expanded.add(matcherOrNull == null ? null : matcherOrNull.byStatement().get(s));
            }
        }

        /**
         * Which statements the catalog action matches (one character per statement), or null when every action
         * is evaluated on its own: computed once per action, whatever the number of resources asked about.
         */
        String signature(String lowerCatalogAction) {
            if (matcher == null || lowerCatalogAction.equals(PolicyEvaluator.ALWAYS_ALLOWED)) {
                return null;
            }
            char[] key = new char[statements.size()];
            for (int i = 0; i < key.length; i++) {
                Statement s = statements.get(i);
                // Malformed statements never match (PolicyEvaluator skips them before asking the matcher).
                boolean wellFormed = s.effect() != null && s.actions() != null && s.resources() != null;
                Set<String> names = expanded.get(i);
                // as the matcher answers for a catalog action
                Tri m = !wellFormed ? null : names == null ? PolicyEvaluator.actionMatches(s.actions(), lowerCatalogAction)
                        : matchesExpanded(s, names, lowerCatalogAction);
                key[i] = m == null ? '-' : m.name().charAt(0);
            }
            return new String(key);
        }

        Decision decide(String action, String lowerAction, String signature, String resource) {
            if (signature == null) {
                return evaluate(identity, boundary, action, resource, matcher).decision();
            }
            Map<String, Decision> decisions = signature.equals(lastSignature) ? lastDecisions
                    : memo.computeIfAbsent(signature, k -> new HashMap<>());
            lastSignature = signature;
            lastDecisions = decisions;
            return decisions.computeIfAbsent(resource, r -> evaluate(identity, boundary, action, resource, matcher).decision());
        }
    }

    /** Candidate actions above which statements are expanded once (see {@link #expandedOnce}). */
    private static final int EXPAND_ABOVE = 200;

    private static Evaluation evaluate(List<NamedPolicy> identity, NamedPolicy boundary, String action, String resource,
                                       PolicyEvaluator.ActionMatcher matcherOrNull) {
        return matcherOrNull == null ? PolicyEvaluator.evaluateNamed(identity, boundary, action, resource)
                : PolicyEvaluator.evaluateNamed(identity, boundary, action, resource, matcherOrNull);
    }

    /**
     * Answers "does this statement's Action / NotAction cover this catalog action" from each statement's
     * patterns expanded once over the catalog, instead of matching every pattern against each of the (up to
     * 20,000) candidate actions: a policy such as ReadOnlyAccess has hundreds of patterns. The answer is the
     * one {@link PolicyEvaluator#actionMatches} gives: the catalog expands a pattern with the same
     * case-insensitive wildcard match. Statements with values unknown until apply ({@code ${...}}) and
     * actions outside the catalog are left to the patterns.
     */
    private static Expansion expandedOnce(List<NamedPolicy> identity, NamedPolicy boundary, ActionCatalog catalog) {
        Map<Statement, Set<String>> expanded = new IdentityHashMap<>();
        List<NamedPolicy> all = new ArrayList<>(identity);
        if (boundary != null) {
            all.add(boundary);
        }
        for (NamedPolicy policy : all) {
            for (Statement s : policy.document().statements()) {
                Set<String> names = expandedNames(s, catalog);
                if (names != null) {
                    expanded.put(s, names);
                }
            }
        }
        return new Expansion(expanded);
    }

    /**
     * Each statement's {@link #expandedNames} (absent: matched from its patterns), as a matcher of the catalog
     * actions {@link #of} decides about (never asked about other names).
     */
    private record Expansion(Map<Statement, Set<String>> byStatement)
            implements PolicyEvaluator.ActionMatcher {
        @Override
        public Tri matches(Statement statement, String lowerAction) {
            Set<String> names = byStatement.get(statement);
            if (names == null) {
                return PolicyEvaluator.actionMatches(statement.actions(), lowerAction);
            }
            return matchesExpanded(statement, names, lowerAction);
        }
    }

    /**
     * The lower-case names of the catalog actions the statement's Action / NotAction values name (not negated),
     * {@link #ALL_ACTIONS} when they {@link ActionCatalog#namesEveryAction name every action}, or null when the statement must be matched from its patterns (no
     * actions, or values unknown until apply or with non-ASCII letters).
     */
    static Set<String> expandedNames(Statement s, ActionCatalog catalog) {
        if (s.actions() == null || s.actions().values().stream().anyMatch(EffectivePermissions::leftToPatterns)) {
            return null;
        }
        return ActionCatalog.namesEveryAction(s.actions()) ? ALL_ACTIONS : catalog.lowerNames(s.actions());
    }

    /**
     * What {@link PolicyEvaluator#actionMatches} answers for a catalog action (its lower-case name), from the
     * statement's {@link #expandedNames}.
     */
    static Tri matchesExpanded(Statement s, Set<String> names, String lowerCatalogAction) {
        boolean named = names == ALL_ACTIONS || names.contains(lowerCatalogAction);
        return Tri.of(s.actions().negated() != named);
    }

    /**
     * A pattern with {@code ${...}} matches as unknown, and one with non-ASCII letters lower-cases per
     * character in the matcher but per string in the catalog: both are matched from the patterns.
     */
    private static boolean leftToPatterns(String pattern) {
        return pattern.contains("${") || !pattern.chars().allMatch(c -> c < 128);
    }

    /** Marks a statement whose Action {@link ActionCatalog#namesEveryAction names every action}. */
    static final Set<String> ALL_ACTIONS = Collections.unmodifiableSet(new HashSet<>());

    /** The catalog actions an Action or NotAction element allows, sorted by lower-case name. */
    static List<ActionInfo> actionsOf(Statement s, ActionCatalog catalog) {
        return catalog.actionsAllowedBy(s.actions());
    }

    /** A candidate action and the Allow statements (indexes, in statement order) that name it. */
    private static final class Candidate {
        /** The catalog's action of this name (the one lookup a grant needs, kept instead of looked up again). */
        final ActionInfo info;
        int[] statements;
        int count;

        Candidate(ActionInfo info, int first) {
            this.info = info;
            this.statements = new int[] {first};
            this.count = 1;
        }

        void add(int statement) {
            if (count == statements.length) {
                statements = java.util.Arrays.copyOf(statements, count * 2);
            }
            statements[count++] = statement;
        }
    }
}
