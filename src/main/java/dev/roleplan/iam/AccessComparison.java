package dev.roleplan.iam;

import dev.roleplan.model.PolicyDocument;
import dev.roleplan.model.Statement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What one set of policies (after) grants that another (before) does not, and the reverse: the access a
 * change adds and removes, per concrete action and granted resource pattern.
 *
 * <p>For every action a policy of the granting side allows (wildcards and NotAction expanded against the
 * catalog), each resource pattern of its Allow statements is checked against the other side: the pattern is
 * new access when some ARN it matches, that the granting side does not itself deny or leave outside its
 * boundary, is not allowed by the other side (not allowed by its Allows, denied by an unconditional Deny,
 * or outside its boundary). This is decided exactly over the patterns' languages ({@link ResourceGlobs}), so
 * {@code arn:aws:s3:::assets/*} is covered by {@code arn:aws:s3:::*} and by {@code *}, and
 * {@code arn:aws:s3:::assets/?} is not covered by {@code arn:aws:s3:::assets/a}. When the exploration is
 * too large to finish the pattern counts as new (conservative: a reviewer sees more, never less). A
 * wildcard-only action ({@code ecr:GetAuthorizationToken}) is decided for the request resource {@code "*"}.
 *
 * <p>Conditions are not evaluated, only noticed: access that is allowed on both sides but unconditionally on
 * one and only under a condition (or a conditional Deny, or a conditional boundary) on the other is
 * reported as {@link Kind#NOW_UNCONDITIONAL} or {@link Kind#NOW_CONDITIONAL}.
 */
public final class AccessComparison {

    /** One side: identity policies and the permissions boundary (null when none). */
    public record PolicySet(List<NamedPolicy> identity, NamedPolicy boundary) {
        public PolicySet {
            identity = List.copyOf(identity);
        }

        public static PolicySet empty() {
            return new PolicySet(List.of(), null);
        }

        /** Documents named "0", "1", ... and "boundary", as {@link PolicyEvaluator#evaluate} names them. */
        public static PolicySet of(List<PolicyDocument> identity, PolicyDocument boundaryOrNull) {
            List<NamedPolicy> named = new ArrayList<>();
            for (int i = 0; i < identity.size(); i++) {
                named.add(new NamedPolicy(String.valueOf(i), identity.get(i)));
            }
            return new PolicySet(named, boundaryOrNull == null ? null : new NamedPolicy("boundary", boundaryOrNull));
        }
    }

    public enum Kind {
        /** allowed after, not before (conditionally or not) */
        ADDED("new"),
        /** allowed before, not after */
        REMOVED("removed"),
        /** allowed on both sides, but after without the condition that limited it before */
        NOW_UNCONDITIONAL("condition removed"),
        /** allowed on both sides, but after only under a condition */
        NOW_CONDITIONAL("condition added");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Whether the change lets the role do more than before. */
        public boolean widens() {
            return this == ADDED || this == NOW_UNCONDITIONAL;
        }
    }

    /**
     * One concrete action on one granted resource pattern.
     *
     * @param resource    the pattern as the granting policy wrote it, or {@code "* except P, Q"} for NotResource
     * @param conditional after allows it only under a condition (for REMOVED: before did)
     * @param statements  the Allow statements of the granting side (after for ADDED/NOW_UNCONDITIONAL,
     *                    before otherwise) that grant it
     * @param lowerAction the action's interned lower-case name (the catalog's), which {@link Delta#widens(String)}
     *                    compares on each step of its search instead of lower-casing {@code action} again
     */
    public record Entry(Kind kind, String action, String resource, boolean conditional, List<StatementRef> statements,
                        String lowerAction) {
        public Entry {
            statements = List.copyOf(statements);
        }

        public String service() {
            return action.substring(0, action.indexOf(':'));
        }
    }

    /**
     * The entries of one kind, service, resource and conditional-ness in one line: {@code actions} is either
     * the explicit list or an author's wildcard with the actions it does not include here
     * ({@code s3:* except s3:GetObject, s3:PutObject}).
     */
    public record Line(Kind kind, String service, String resource, boolean conditional, String actions, int count) {
        public String text() {
            return actions + " on " + resource + (conditional ? " (conditional)" : "");
        }
    }

    /** The whole difference; entries sorted by kind, action, resource. */
    public record Delta(List<Entry> entries, List<Line> lines) {
        public Delta {
            entries = List.copyOf(entries);
            lines = List.copyOf(lines);
        }

        public boolean isEmpty() {
            return entries.isEmpty();
        }

        public List<Entry> of(Kind kind) {
            return entries.stream().filter(e -> e.kind() == kind).toList();
        }

        public List<Line> linesOf(Kind kind) {
            return lines.stream().filter(l -> l.kind() == kind).toList();
        }

        /** Whether after allows anything before did not (new access, or a condition lifted). */
        public boolean widens() {
            return entries.stream().anyMatch(e -> e.kind().widens());
        }

        /**
         * Whether after allows the action (named in lower case) more than before did: an entry of a widening
         * kind names it. Found by binary search: entries are sorted by kind, then action in lower case.
         */
        public boolean widens(String lowerAction) {
            for (Kind kind : Kind.values()) {
                if (kind.widens() && contains(kind, lowerAction)) {
                    return true;
                }
            }
            return false;
        }

        private boolean contains(Kind kind, String lowerAction) {
            int lo = 0;
            int hi = entries.size() - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                Entry e = entries.get(mid);
                int c = e.kind() != kind ? Integer.compare(e.kind().ordinal(), kind.ordinal())
                        : e.lowerAction().compareTo(lowerAction);
                if (c == 0) {
                    return true;
                }
                if (c < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return false;
        }
    }

    /** Longest explicit action list in one line before it is cut with "and N more". */
    static final int MAX_NAMES = 20;

    private final ActionCatalog catalog;

    private final Shared shared;

    private AccessComparison(ActionCatalog catalog, Shared shared) {
        this.catalog = catalog;
        this.shared = shared;
    }

    /**
     * Work that comparisons of many roles can share (thread-safe): roles attaching the same policies ask the
     * same question of the same statements for most actions (e.g. every action of an AWS-managed policy).
     */
    public static final class Shared {
        private final Map<ComputeKey, List<Raw>> computed = new java.util.concurrent.ConcurrentHashMap<>();
    }

    public static Delta compare(PolicySet before, PolicySet after, ActionCatalog catalog) {
        return compare(before, after, catalog, new Shared());
    }

    /** The same, sharing work with other comparisons made with {@code shared}. */
    public static Delta compare(PolicySet before, PolicySet after, ActionCatalog catalog, Shared shared) {
        if (sameDocuments(before, after)) {
            // The same statements on both sides allow the same access: most roles of a plan do not change.
            return new Delta(List.of(), List.of());
        }
        AccessComparison c = new AccessComparison(catalog, shared);
        Side b = Side.of(before, catalog);
        Side a = Side.of(after, catalog);
        // Each kind's entries come out sorted by action (lower case) and resource: in kind order they are the
        // delta's order, with no sort of the (for a role with "*") 22,000 entries.
        Map<Kind, List<Entry>> byKind = new java.util.EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            byKind.put(kind, new ArrayList<>());
        }
        c.oneWay(a, b, Kind.ADDED, Kind.NOW_UNCONDITIONAL, byKind);
        c.oneWay(b, a, Kind.REMOVED, Kind.NOW_CONDITIONAL, byKind);
        List<Entry> entries = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            entries.addAll(byKind.get(kind));
            Side granting = kind.widens() ? a : b;
            lines.addAll(c.lines(kind, byKind.get(kind), granting.wildcards()));
        }
        return new Delta(entries, lines);
    }

    /** Equal documents in the same places (identity or boundary), whatever the policies are named. */
    private static boolean sameDocuments(PolicySet before, PolicySet after) {
        if (before.identity().size() != after.identity().size()
                || (before.boundary() == null) != (after.boundary() == null)
                || before.boundary() != null && !before.boundary().document().equals(after.boundary().document())) {
            return false;
        }
        for (int i = 0; i < before.identity().size(); i++) {
            if (!before.identity().get(i).document().equals(after.identity().get(i).document())) {
                return false;
            }
        }
        return true;
    }

    // ---- the comparison ------------------------------------------------------------------------------

    /** A statement of one side, with whether it is in the boundary. */
    private record Stmt(String policyId, Statement statement, boolean boundary) {
    }

    /**
     * @param names each statement's expanded action names ({@link EffectivePermissions#expandedNames}), or null
     *              where it is matched from its patterns
     */
    private record Side(List<Stmt> statements, boolean hasBoundary, List<Set<String>> names) {
        static Side of(PolicySet set, ActionCatalog catalog) {
            List<Stmt> out = new ArrayList<>();
            for (NamedPolicy p : set.identity()) {
                for (Statement s : p.document().statements()) {
                    if (wellFormed(s)) {
                        out.add(new Stmt(p.id(), s, false));
                    }
                }
            }
            if (set.boundary() != null) {
                for (Statement s : set.boundary().document().statements()) {
                    if (wellFormed(s)) {
                        out.add(new Stmt(set.boundary().id(), s, true));
                    }
                }
            }
            List<Set<String>> names = new ArrayList<>(out.size());
            for (Stmt st : out) {
                names.add(EffectivePermissions.expandedNames(st.statement(), catalog));
            }
            return new Side(out, set.boundary() != null, names);
        }

        /** Whether statement {@code i} names the catalog action (lower case), as {@link PolicyEvaluator#actionMatches} decides. */
        Tri matches(int i, String lowerCatalogAction) {
            Statement s = statements.get(i).statement();
            Set<String> expanded = names.get(i);
            return expanded == null ? PolicyEvaluator.actionMatches(s.actions(), lowerCatalogAction)
                    : EffectivePermissions.matchesExpanded(s, expanded, lowerCatalogAction);
        }

        private static boolean wellFormed(Statement s) {
            return s.effect() != null && s.actions() != null && s.resources() != null;
        }

        /** The action wildcards the identity Allow statements use, for collapsing lines. */
        Set<String> wildcards() {
            Set<String> out = new TreeSet<>();
            for (Stmt s : statements) {
                if (!s.boundary() && s.statement().isAllow() && !s.statement().actions().negated()) {
                    for (String p : s.statement().actions().values()) {
                        if (Wildcard.hasWildcard(p) && !p.contains("${")) {
                            out.add(p);
                        }
                    }
                }
            }
            return out;
        }
    }

    /** A statement that matches the action, and whether only conditionally. */
    private record Match(int index, boolean conditional) {
    }

    /** An action's matching statements on both sides: actions with the same signature compare alike. */
    private record Signature(List<Match> granting, List<Match> other, boolean wildcardOnly) {
    }

    /**
     * Everything {@link #compute} reads of a signature: for each matching statement, what it is (the policy and
     * statement a finding names, effect, place, condition, resources) and whether each side has a boundary; not
     * the action nor the roles' other statements. Equal keys give equal results, whichever comparison asks.
     */
    private record ComputeKey(List<MatchKey> granting, List<MatchKey> other, boolean grantingBounded,
                              boolean otherBounded, boolean wildcardOnly, Kind added) {

        // Written out as the record would generate them (same hash): decision 0012.
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof ComputeKey that
                    && Objects.equals(granting, that.granting)
                    && Objects.equals(other, that.other)
                    && grantingBounded == that.grantingBounded
                    && otherBounded == that.otherBounded
                    && wildcardOnly == that.wildcardOnly
                    && Objects.equals(added, that.added);
        }

        @Override
        public int hashCode() {
            int h = 0;
            h = 31 * h + Objects.hashCode(granting);
            h = 31 * h + Objects.hashCode(other);
            h = 31 * h + Boolean.hashCode(grantingBounded);
            h = 31 * h + Boolean.hashCode(otherBounded);
            h = 31 * h + Boolean.hashCode(wildcardOnly);
            h = 31 * h + Objects.hashCode(added);
            return h;
        }

        static ComputeKey of(Signature sig, Side granting, Side other, Kind added) {
            // whether a side has a boundary at all matters even when none of its statements match the action
            return new ComputeKey(keys(sig.granting(), granting), keys(sig.other(), other), granting.hasBoundary(),
                    other.hasBoundary(), sig.wildcardOnly(), added);
        }

        private static List<MatchKey> keys(List<Match> matches, Side side) {
            List<MatchKey> out = new ArrayList<>(matches.size());
            for (Match m : matches) {
                Stmt s = side.statements().get(m.index());
                Statement st = s.statement();
                out.add(new MatchKey(s.policyId(), st.index(), st.sid(), st.effect(), s.boundary(), m.conditional(),
                        st.resources()));
            }
            return out;
        }
    }

    private record MatchKey(String policyId, int index, String sid, Statement.Effect effect, boolean boundary,
                            boolean conditional, dev.roleplan.model.Patterns resources) {

        // Written out as the record would generate them (same hash): decision 0012.
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof MatchKey that
                    && Objects.equals(policyId, that.policyId)
                    && index == that.index
                    && Objects.equals(sid, that.sid)
                    && Objects.equals(effect, that.effect)
                    && boundary == that.boundary
                    && conditional == that.conditional
                    && Objects.equals(resources, that.resources);
        }

        @Override
        public int hashCode() {
            int h = 0;
            h = 31 * h + Objects.hashCode(policyId);
            h = 31 * h + Integer.hashCode(index);
            h = 31 * h + Objects.hashCode(sid);
            h = 31 * h + Objects.hashCode(effect);
            h = 31 * h + Boolean.hashCode(boundary);
            h = 31 * h + Boolean.hashCode(conditional);
            h = 31 * h + Objects.hashCode(resources);
            return h;
        }
    }

    /** One result for a signature, before it is given its action. */
    private record Raw(Kind kind, String resource, boolean conditional, List<StatementRef> statements) {
        Raw {
            statements = List.copyOf(statements); // immutable once: every entry made from it shares this list
        }
    }

    /**
     * Adds what {@code granting} allows that {@code other} does not to {@code out}, by kind, each kind's
     * entries in order of action (lower case), then resource.
     */
    private void oneWay(Side granting, Side other, Kind added, Kind unconditional, Map<Kind, List<Entry>> out) {
        Map<Signature, List<Raw>> results = new HashMap<>();
        Map<Long, List<Raw>> packedResults = new HashMap<>();
        boolean packable = granting.statements().size() + other.statements().size() <= PACKABLE;
        for (ActionInfo info : candidateActions(granting)) {
            String action = info.fullName();
            String lower = info.lowerName();
            if (lower.equals(PolicyEvaluator.ALWAYS_ALLOWED)) {
                continue; // always allowed, whatever the policies say
            }
            boolean wildcardOnly = info.isWildcardOnly();
            List<Raw> raws;
            if (packable) {
                long key = packed(granting, other, lower, wildcardOnly);
                raws = packedResults.get(key);
                if (raws == null) {
                    raws = results(unpacked(key, granting, other), granting, other, added, unconditional);
                    packedResults.put(key, raws);
                }
            } else {
                Signature sig = new Signature(matches(granting, lower), matches(other, lower), wildcardOnly);
                raws = results.computeIfAbsent(sig, s -> results(s, granting, other, added, unconditional));
            }
            // raws are one per kind and resource, sorted by resource
            for (Raw r : raws) {
                out.get(r.kind()).add(new Entry(r.kind(), action, r.resource(), r.conditional(), r.statements(), lower));
            }
        }
    }

    /** The results of a signature, computed once for all comparisons sharing {@link #shared}. */
    private List<Raw> results(Signature sig, Side granting, Side other, Kind added, Kind unconditional) {
        return shared.computed.computeIfAbsent(ComputeKey.of(sig, granting, other, added),
                k -> compute(sig, granting, other, added, unconditional));
    }

    /** The catalog actions the side's identity Allow statements name, once each, in order of lower-case name. */
    private List<ActionInfo> candidateActions(Side side) {
        List<List<ActionInfo>> expansions = new ArrayList<>();
        for (Stmt s : side.statements()) {
            if (!s.boundary() && s.statement().isAllow()) {
                List<ActionInfo> actions = EffectivePermissions.actionsOf(s.statement(), catalog);
                if (catalog.isEveryAction(actions)) {
                    return actions; // Action "*": every action, in order, whatever else is named
                }
                expansions.add(actions);
            }
        }
        Set<ActionInfo> union = new LinkedHashSet<>();
        expansions.forEach(union::addAll);
        List<ActionInfo> out = new ArrayList<>(union);
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i - 1).lowerName().compareTo(out.get(i).lowerName()) > 0) {
                out.sort(Comparator.comparing(ActionInfo::lowerName));
                break;
            }
        }
        return out;
    }

    private static List<Match> matches(Side side, String lowerAction) {
        List<Match> out = new ArrayList<>();
        for (int i = 0; i < side.statements().size(); i++) {
            Tri m = side.matches(i, lowerAction);
            if (m != Tri.NO) {
                out.add(new Match(i, m == Tri.UNKNOWN || side.statements().get(i).statement().hasConditions()));
            }
        }
        return out;
    }

    /**
     * The signature packed in a long: two bits per statement (0 no match, 1 a match, 2 a conditional match),
     * the granting side's statements first, and bit 62 for a wildcard-only action. For sides of at most
     * {@link #PACKABLE} statements together: hashing a long per action instead of two lists.
     */
    private static long packed(Side granting, Side other, String lowerAction, boolean wildcardOnly) {
        long key = wildcardOnly ? 1L << 62 : 0;
        int shift = 0;
        for (Side side : List.of(granting, other)) {
            for (int i = 0; i < side.statements().size(); i++, shift += 2) {
                Tri m = side.matches(i, lowerAction);
                if (m != Tri.NO) {
                    key |= (m == Tri.UNKNOWN || side.statements().get(i).statement().hasConditions() ? 2L : 1L) << shift;
                }
            }
        }
        return key;
    }

    /** The signature a packed key stands for. */
    private static Signature unpacked(long key, Side granting, Side other) {
        List<Match> g = new ArrayList<>();
        List<Match> o = new ArrayList<>();
        int shift = 0;
        for (Side side : List.of(granting, other)) {
            for (int i = 0; i < side.statements().size(); i++, shift += 2) {
                long code = key >>> shift & 3;
                if (code != 0) {
                    (side == granting ? g : o).add(new Match(i, code == 2));
                }
            }
        }
        return new Signature(g, o, (key & 1L << 62) != 0);
    }

    /** Most statements two sides may have together for a packed signature (two bits each below bit 62). */
    private static final int PACKABLE = 31;

    /** The granted patterns of one signature, each checked against the other side. */
    private List<Raw> compute(Signature sig, Side granting, Side other, Kind added, Kind unconditional) {
        ResourceGlobs globs = new ResourceGlobs();
        List<ResourceGlobs.Glob> all = new ArrayList<>();
        Groups g = new Groups(globs, all);
        Groups.Terms gSide = g.side(sig.granting(), granting);
        Groups.Terms oSide = g.side(sig.other(), other);
        int arnShape = -1;
        if (!sig.wildcardOnly()) {
            all.add(globs.anyArn());
            arnShape = all.size() - 1;
        }
        // The granted patterns: one per Resource value (merged across statements), one per NotResource list.
        Map<String, Grant> grants = new LinkedHashMap<>();
        for (Match m : sig.granting()) {
            Stmt s = granting.statements().get(m.index());
            if (s.boundary() || !s.statement().isAllow()) {
                continue;
            }
            StatementRef ref = StatementRef.of(s.policyId(), s.statement(), m.conditional());
            if (s.statement().resources().negated()) {
                String text = "* except " + String.join(", ", s.statement().resources().values());
                Term t = g.term(s.statement());
                grants.computeIfAbsent(text, k -> new Grant(t)).add(ref, m.conditional());
            } else {
                for (String p : s.statement().resources().values()) {
                    Term t = g.term(List.of(p), false);
                    grants.computeIfAbsent(p, k -> new Grant(t)).add(ref, m.conditional());
                }
            }
        }
        List<Raw> out = new ArrayList<>();
        int shape = arnShape;
        for (Map.Entry<String, Grant> e : grants.entrySet()) {
            Grant grant = e.getValue();
            Predicate<boolean[]> granted = acc -> grant.term.holds(acc) && (shape < 0 || acc[shape]) && gSide.allowsAtAll(acc, false);
            Predicate<boolean[]> grantedFully = acc -> !grant.conditional() && granted.test(acc) && gSide.allowsFully(acc, false);
            Tri isNew = decide(globs, all, sig.wildcardOnly(), acc -> granted.test(acc) && !oSide.allowsAtAll(acc, true));
            if (isNew != Tri.NO) {
                Tri fullyNew = decide(globs, all, sig.wildcardOnly(), acc -> grantedFully.test(acc) && !oSide.allowsAtAll(acc, true));
                out.add(new Raw(added, resourceText(e.getKey(), sig.wildcardOnly()), fullyNew == Tri.NO, grant.refs));
                continue;
            }
            if (!grant.conditional()
                    && decide(globs, all, sig.wildcardOnly(), acc -> grantedFully.test(acc) && !oSide.allowsFully(acc, true)) != Tri.NO) {
                // conditional: as after has it (after only conditionally, for NOW_CONDITIONAL)
                out.add(new Raw(unconditional, resourceText(e.getKey(), sig.wildcardOnly()), unconditional == Kind.NOW_CONDITIONAL,
                        grant.refs));
            }
        }
        // Two patterns that print alike (a wildcard-only action granted through several statements) are one entry.
        Map<String, Raw> merged = new TreeMap<>();
        for (Raw r : out) {
            merged.merge(r.kind() + " " + r.resource(), r, (x, y) -> new Raw(x.kind(), x.resource(),
                    x.conditional() && y.conditional(), concat(x.statements(), y.statements())));
        }
        return List.copyOf(merged.values());
    }

    private static String resourceText(String pattern, boolean wildcardOnly) {
        return wildcardOnly ? "*" : pattern;
    }

    private static List<StatementRef> concat(List<StatementRef> a, List<StatementRef> b) {
        Set<StatementRef> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    /** Over all ARNs, or for the one request resource {@code "*"} of a wildcard-only action. */
    private static Tri decide(ResourceGlobs globs, List<ResourceGlobs.Glob> all, boolean wildcardOnly,
                              Predicate<boolean[]> formula) {
        if (wildcardOnly) {
            return Tri.of(globs.holds(all, "*", formula));
        }
        return globs.exists(all, formula);
    }

    private static final class Grant {
        final Term term;
        final List<StatementRef> refs = new ArrayList<>();
        boolean anyUnconditional;

        Grant(Term term) {
            this.term = term;
        }

        void add(StatementRef ref, boolean conditional) {
            refs.add(ref);
            anyUnconditional |= !conditional;
        }

        boolean conditional() {
            return !anyUnconditional;
        }
    }

    /** A Resource list (any of the globs matches) or a NotResource list (none matches). */
    private record Term(int[] globs, boolean negated) {
        boolean holds(boolean[] acc) {
            boolean any = false;
            for (int i : globs) {
                any |= acc[i];
            }
            return negated != any;
        }
    }

    /** Compiles the statements of one signature into terms over one shared glob list. */
    private static final class Groups {
        private final ResourceGlobs globs;
        private final List<ResourceGlobs.Glob> all;
        private final Map<String, Integer> byText = new HashMap<>();

        Groups(ResourceGlobs globs, List<ResourceGlobs.Glob> all) {
            this.globs = globs;
            this.all = all;
        }

        Term term(Statement s) {
            return term(s.resources().values(), s.resources().negated());
        }

        Term term(List<String> patterns, boolean negated) {
            int[] idx = new int[patterns.size()];
            for (int i = 0; i < patterns.size(); i++) {
                idx[i] = byText.computeIfAbsent(patterns.get(i), p -> {
                    all.add(globs.compile(p));
                    return all.size() - 1;
                });
            }
            return new Term(idx, negated);
        }

        /** The terms of one side, by effect, place and conditional-ness. */
        record Terms(List<Term> allowU, List<Term> allowC, List<Term> denyU, List<Term> denyC,
                   List<Term> bAllowU, List<Term> bAllowC, List<Term> bDenyU, List<Term> bDenyC, boolean hasBoundary) {

            /**
             * Allowed, possibly under a condition: some Allow, no unconditional Deny, within the boundary.
             * {@code withAllows} false: only the Deny and boundary parts (the granting side's own Allow is the
             * pattern being checked).
             */
            boolean allowsAtAll(boolean[] acc, boolean withAllows) {
                if (withAllows && !any(allowU, acc) && !any(allowC, acc)) {
                    return false;
                }
                if (any(denyU, acc) || any(bDenyU, acc)) {
                    return false;
                }
                return !hasBoundary || any(bAllowU, acc) || any(bAllowC, acc);
            }

            /** Allowed with no condition involved anywhere. */
            boolean allowsFully(boolean[] acc, boolean withAllows) {
                if (withAllows && !any(allowU, acc)) {
                    return false;
                }
                if (any(denyU, acc) || any(denyC, acc) || any(bDenyU, acc) || any(bDenyC, acc)) {
                    return false;
                }
                return !hasBoundary || any(bAllowU, acc);
            }

            private static boolean any(List<Term> terms, boolean[] acc) {
                for (Term t : terms) {
                    if (t.holds(acc)) {
                        return true;
                    }
                }
                return false;
            }
        }

        Terms side(List<Match> matches, Side side) {
            List<List<Term>> lists = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                lists.add(new ArrayList<>());
            }
            for (Match m : matches) {
                Stmt s = side.statements().get(m.index());
                int slot = (s.boundary() ? 4 : 0) + (s.statement().isDeny() ? 2 : 0) + (m.conditional() ? 1 : 0);
                lists.get(slot).add(term(s.statement()));
            }
            return new Terms(lists.get(0), lists.get(1), lists.get(2), lists.get(3), lists.get(4), lists.get(5),
                    lists.get(6), lists.get(7), side.hasBoundary());
        }
    }

    // ---- presentation --------------------------------------------------------------------------------

    /**
     * Groups by resource and conditional-ness; where the actions are most of every action there is (a
     * NotAction, or {@code *}), one line {@code * except ...}; otherwise one line per service, collapsed to the
     * author's wildcards where they fit.
     */
    private List<Line> lines(Kind kind, List<Entry> entries, Set<String> wildcards) {
        // Entries arrive sorted by action (lower case), and there is one per action and resource: grouping keeps
        // that order, which for catalog names (letters, digits, '-', ':') is the case-insensitive order.
        Map<String, Map<Boolean, List<String>>> byResource = new TreeMap<>();
        List<String> group = null;
        Entry previous = null;
        for (Entry e : entries) {
            // runs of entries on the same resource (all 22,000 of a "*" grant) go to the same list
            if (previous == null || !previous.resource().equals(e.resource()) || previous.conditional() != e.conditional()) {
                group = byResource.computeIfAbsent(e.resource(), k -> new TreeMap<>())
                        .computeIfAbsent(e.conditional(), k -> new ArrayList<>());
            }
            group.add(e.action());
            previous = e;
        }
        List<Line> out = new ArrayList<>();
        for (Map.Entry<String, Map<Boolean, List<String>>> r : byResource.entrySet()) {
            String resource = r.getKey();
            for (Map.Entry<Boolean, List<String>> g : r.getValue().entrySet()) {
                boolean conditional = g.getKey();
                List<String> actions = g.getValue();
                if (mostOfAllActions(actions.size(), resource)) {
                    out.add(new Line(kind, "*", resource, conditional, allExcept(universe(resource), actions),
                            actions.size()));
                    continue;
                }
                for (Map.Entry<String, List<String>> sg : byService(actions).entrySet()) {
                    List<String> parts = collapse(sg.getKey(), resource, sg.getValue(), wildcards);
                    out.add(new Line(kind, sg.getKey(), resource, conditional, String.join("; ", parts), sg.getValue().size()));
                }
            }
        }
        out.sort(Comparator.comparing(Line::service).thenComparing(Line::resource).thenComparing(Line::conditional));
        return out;
    }

    /** Sorted actions by their service in lower case; each service's actions are consecutive and stay in order. */
    private static Map<String, List<String>> byService(List<String> sortedActions) {
        Map<String, List<String>> out = new TreeMap<>();
        String previous = null;
        List<String> current = null;
        for (String a : sortedActions) {
            int colon = a.indexOf(':');
            if (previous == null || !a.regionMatches(true, 0, previous, 0, colon + 1)) {
                current = out.computeIfAbsent(a.substring(0, colon).toLowerCase(Locale.ROOT), k -> new ArrayList<>());
                previous = a;
            }
            current.add(a);
        }
        return out;
    }

    /**
     * Whether {@code count} actions are more than half of every action a grant on this resource can mean. Asked
     * first of the services read so far (a lower bound, since the actions all come from them), so that a
     * lazily loaded catalog reads every service only when the answer may be yes.
     */
    private boolean mostOfAllActions(int count, String resource) {
        if (!catalog.allRead()) {
            // minus one: the universe leaves out the one action that is always allowed
            int lowerBound = catalog.countRead(resource.equals("*")) - 1;
            if (count * 2 <= lowerBound) {
                return false;
            }
        }
        return count * 2 > universe(resource).size();
    }

    /** Every action that a grant on this resource can mean (wildcard-only actions only on "*"). */
    private Universe universe(String resource) {
        Universes u = universes;
        if (u == null || u.catalog() != catalog) {
            u = new Universes(catalog, Universe.of(catalog, true), Universe.of(catalog, false));
            universes = u;
        }
        return resource.equals("*") ? u.onStar() : u.onArns();
    }

    /** The two universes of the last catalog used: built once, not per line (each is ~22,000 names). */
    private static volatile Universes universes;

    private record Universes(ActionCatalog catalog, Universe onStar, Universe onArns) {
    }

    /** Action names with their lower-case service, and how many actions each service has. */
    private record Universe(List<String> names, List<String> services, Map<String, Integer> sizeByService) {
        static Universe of(ActionCatalog catalog, boolean withWildcardOnly) {
            List<String> names = new ArrayList<>();
            List<String> services = new ArrayList<>();
            Map<String, Integer> sizes = new HashMap<>();
            String service = "";
            for (ActionInfo a : catalog.allActions()) {
                String name = a.fullName();
                if ((withWildcardOnly || !a.isWildcardOnly()) && !name.equalsIgnoreCase(PolicyEvaluator.ALWAYS_ALLOWED)) {
                    int colon = name.indexOf(':');
                    if (!(service.length() == colon && name.regionMatches(true, 0, service, 0, colon))) {
                        service = name.substring(0, colon).toLowerCase(Locale.ROOT).intern(); // a service's actions are consecutive
                    }
                    names.add(name);
                    services.add(service);
                    sizes.merge(service, 1, Integer::sum);
                }
            }
            return new Universe(List.copyOf(names), List.copyOf(services), Map.copyOf(sizes));
        }

        int size() {
            return names.size();
        }
    }

    /**
     * {@code *} with what is missing: whole services as {@code service:*}, else the actions. The actions are
     * sorted by lower-case name, as the universe is: one walk through both finds what is missing.
     */
    private static String allExcept(Universe universe, List<String> actions) {
        Map<String, List<String>> missingByService = new TreeMap<>();
        int next = 0;
        for (int i = 0; i < universe.size(); i++) {
            String a = universe.names().get(i);
            if (next < actions.size() && actions.get(next).equals(a)) {
                next++;
            } else {
                missingByService.computeIfAbsent(universe.services().get(i), k -> new ArrayList<>()).add(a);
            }
        }
        if (next < actions.size()) {
            // not in the universe's order after all: ask each name
            Set<String> present = new HashSet<>(actions);
            missingByService.clear();
            for (int i = 0; i < universe.size(); i++) {
                String a = universe.names().get(i);
                if (!present.contains(a)) {
                    missingByService.computeIfAbsent(universe.services().get(i), k -> new ArrayList<>()).add(a);
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, List<String>> m : missingByService.entrySet()) {
            if (m.getValue().size() == universe.sizeByService().get(m.getKey())) {
                missing.add(m.getKey() + ":*");
            } else {
                missing.addAll(m.getValue());
            }
        }
        return missing.isEmpty() ? "*" : "* except " + names(missing);
    }

    /**
     * The author's wildcards (and {@code service:*}) that mostly consist of these actions, each with what
     * it does not include; then the remaining actions by name.
     */
    private List<String> collapse(String service, String resource, List<String> actions, Set<String> wildcards) {
        List<String> candidates = new ArrayList<>();
        for (String w : wildcards) {
            int colon = w.indexOf(':');
            String servicePart = colon < 0 ? w : w.substring(0, colon);
            if (Wildcard.matchesLowerText(servicePart, service)) {
                candidates.add(colon < 0 ? service + ":*" : w);
            }
        }
        candidates.add(service + ":*");
        List<String> parts = new ArrayList<>();
        // membership by exact name: entries and expansions both carry the catalog's spelling
        Set<String> present = new HashSet<>(actions);
        Set<String> done = new HashSet<>();
        // Broadest first, so "s3:*" wins over "s3:Get*" when both fit.
        List<Map.Entry<String, List<String>>> expanded = new ArrayList<>();
        for (String w : new LinkedHashSet<>(candidates)) {
            String prefix = service + ":";
            List<String> names = catalog.expand(w).stream()
                    .filter(a -> a.lowerName().startsWith(prefix))
                    .filter(a -> resource.equals("*") || !a.isWildcardOnly())
                    .map(ActionInfo::fullName)
                    .filter(a -> !a.equalsIgnoreCase(PolicyEvaluator.ALWAYS_ALLOWED))
                    .toList();
            expanded.add(Map.entry(w, names));
        }
        expanded.sort(Comparator.comparing((Map.Entry<String, List<String>> e) -> -e.getValue().size())
                .thenComparing(Map.Entry::getKey));
        for (Map.Entry<String, List<String>> w : expanded) {
            List<String> covered = w.getValue().stream().filter(present::contains).filter(a -> !done.contains(a)).toList();
            List<String> missing = w.getValue().stream().filter(a -> !present.contains(a)).toList();
            if (covered.size() >= 2 && missing.size() < covered.size()) {
                parts.add(w.getKey() + (missing.isEmpty() ? "" : " except " + names(missing)));
                done.addAll(covered);
            }
        }
        List<String> rest = actions.stream().filter(a -> !done.contains(a)).toList();
        if (!rest.isEmpty()) {
            parts.add(names(rest));
        }
        return parts;
    }

    private static String names(List<String> actions) {
        if (actions.size() <= MAX_NAMES) {
            return String.join(", ", actions);
        }
        return String.join(", ", actions.subList(0, MAX_NAMES)) + " and " + (actions.size() - MAX_NAMES) + " more";
    }
}
