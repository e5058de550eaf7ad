package dev.roleplan.iam;

import dev.roleplan.model.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A role's effective permissions over the action catalog: the union of what its identity policies
 * (inline, customer-managed and AWS-managed alike) allow, minus what they deny on every resource without
 * condition, intersected with the permissions boundary if there is one. Each granted action is a
 * {@link Grant} saying on which resources and under which conditions.
 *
 * <p>Computed per action from the same matching rules as {@link PolicyEvaluator}, so
 * {@code s3:Get*} counts as the 60-odd real actions it names, and NotAction as everything else.
 */
public final class EffectivePermissions {
    private final Map<String, Grant> grants;

    private EffectivePermissions(Map<String, Grant> grants) {
        this.grants = grants;
    }

    public static EffectivePermissions compute(ActionCatalog catalog, List<NamedPolicy> identity,
                                               NamedPolicy boundaryOrNull) {
        Map<String, Grant> fromIdentity = grantsOf(catalog, identity);
        if (boundaryOrNull == null) {
            return new EffectivePermissions(fromIdentity);
        }
        Map<String, Grant> fromBoundary = grantsOf(catalog, List.of(boundaryOrNull));
        Map<String, Grant> both = new TreeMap<>();
        for (Map.Entry<String, Grant> e : fromIdentity.entrySet()) {
            Grant b = fromBoundary.get(e.getKey());
            if (b == null) {
                continue;
            }
            Grant g = e.getValue();
            Decision decision = g.decision() == Decision.ALLOWED && b.decision() == Decision.ALLOWED
                    ? Decision.ALLOWED : Decision.CONDITIONAL;
            List<StatementRef> allows = new ArrayList<>(g.allows());
            allows.addAll(b.allows());
            List<StatementRef> denies = new ArrayList<>(g.limitingDenies());
            denies.addAll(b.limitingDenies());
            both.put(e.getKey(), new Grant(g.action(), decision, g.allResources() && b.allResources(), g.resources(),
                    allows, denies));
        }
        return new EffectivePermissions(both);
    }

    private static Map<String, Grant> grantsOf(ActionCatalog catalog, List<NamedPolicy> policies) {
        Map<String, Builder> builders = new TreeMap<>();
        Set<String> fullyDenied = new LinkedHashSet<>();
        for (NamedPolicy policy : policies) {
            for (Statement statement : policy.document().statements()) {
                if (statement.effect() == null || statement.actions() == null || statement.resources() == null) {
                    continue;
                }
                for (Map.Entry<ActionInfo, Tri> hit : actionsOf(catalog, statement).entrySet()) {
                    ActionInfo action = hit.getKey();
                    String key = lower(action);
                    // a wildcard-only action is only reachable through Resource "*" (or a NotResource)
                    Tri onStar = PolicyEvaluator.resourceMatches(statement.resources(), "*");
                    if (action.isWildcardOnly() && onStar == Tri.NO) {
                        continue;
                    }
                    boolean conditional = hit.getValue() == Tri.UNKNOWN || statement.hasConditions()
                            || onStar == Tri.UNKNOWN;
                    StatementRef ref = StatementRef.of(policy.id(), statement, conditional);
                    // Resource "*" covers every resource; a NotResource only covers "*" itself, which is
                    // all there is for a wildcard-only action
                    boolean coversAll = onStar == Tri.YES
                            && (!statement.resources().negated() || action.isWildcardOnly());
                    if (statement.isDeny()) {
                        if (!conditional && coversAll) {
                            fullyDenied.add(key);
                        } else {
                            builders.computeIfAbsent(key, k -> new Builder(action)).denies.add(ref);
                        }
                    } else {
                        Builder b = builders.computeIfAbsent(key, k -> new Builder(action));
                        b.allows.add(ref);
                        b.unconditional |= !conditional;
                        b.allResources |= !conditional && coversAll;
                        for (String r : statement.resources().values()) {
                            b.resources.add(statement.resources().negated() ? "not " + r : r);
                        }
                    }
                }
            }
        }
        Map<String, Grant> out = new TreeMap<>();
        for (Map.Entry<String, Builder> e : builders.entrySet()) {
            Builder b = e.getValue();
            if (b.allows.isEmpty() || fullyDenied.contains(e.getKey())) {
                continue;
            }
            out.put(e.getKey(), new Grant(b.action, b.unconditional ? Decision.ALLOWED : Decision.CONDITIONAL,
                    b.allResources, new ArrayList<>(b.resources), b.allows, b.denies));
        }
        return out;
    }

    /** The catalog actions a statement's Action / NotAction names, with YES or UNKNOWN. */
    private static Map<ActionInfo, Tri> actionsOf(ActionCatalog catalog, Statement statement) {
        Map<ActionInfo, Tri> out = new LinkedHashMap<>();
        boolean simple = !statement.actions().negated()
                && statement.actions().values().stream().noneMatch(v -> v.contains("${"));
        if (simple) {
            for (String pattern : statement.actions().values()) {
                for (ActionInfo action : catalog.expand(pattern)) {
                    out.put(action, Tri.YES);
                }
            }
            return out;
        }
        for (ActionInfo action : catalog.allActions()) {
            Tri t = PolicyEvaluator.actionMatches(statement.actions(), lower(action));
            if (t != Tri.NO) {
                out.put(action, t);
            }
        }
        return out;
    }

    private static String lower(ActionInfo action) {
        return action.fullName().toLowerCase(Locale.ROOT);
    }

    private static final class Builder {
        final ActionInfo action;
        final List<StatementRef> allows = new ArrayList<>();
        final List<StatementRef> denies = new ArrayList<>();
        final Set<String> resources = new LinkedHashSet<>();
        boolean unconditional;
        boolean allResources;

        Builder(ActionInfo action) {
            this.action = action;
        }
    }

    /** Every granted action, sorted by lower-case full name. */
    public Collection<Grant> grants() {
        return grants.values();
    }

    public int size() {
        return grants.size();
    }

    /** The grant for one action (case-insensitive), if the policies grant it. */
    public Optional<Grant> grant(String action) {
        return Optional.ofNullable(grants.get(action.toLowerCase(Locale.ROOT)));
    }

    /** True if the action is granted at all (possibly conditionally or on some resources only). */
    public boolean grants(String action) {
        return grants.containsKey(action.toLowerCase(Locale.ROOT));
    }

    /** Grants whose action matches an IAM action pattern such as {@code iam:*}. */
    public List<Grant> matching(String actionPattern) {
        String lower = actionPattern.toLowerCase(Locale.ROOT);
        List<Grant> out = new ArrayList<>();
        for (Map.Entry<String, Grant> e : grants.entrySet()) {
            if (Wildcard.matches(lower, e.getKey())) {
                out.add(e.getValue());
            }
        }
        return out;
    }
}
