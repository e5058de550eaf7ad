package dev.roleplan.rules.validity;

import dev.roleplan.engine.Reporter;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.engine.RuleInfo;
import dev.roleplan.engine.Severity;
import dev.roleplan.iam.ActionInfo;
import dev.roleplan.iam.ArnPattern;
import dev.roleplan.iam.PolicyEvaluator;
import dev.roleplan.iam.Tri;
import dev.roleplan.iam.Wildcard;
import dev.roleplan.model.AttachedPolicy;
import dev.roleplan.model.PolicyDocument;
import dev.roleplan.model.PolicySource;
import dev.roleplan.model.Role;
import dev.roleplan.model.Statement;
import dev.roleplan.rules.RoleUse;
import dev.roleplan.rules.StatementActions;
import dev.roleplan.rules.Texts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@RuleInfo(id = "RP504", severity = Severity.INFO,
        summary = "A statement grants nothing that other statements of the same role do not already grant",
        description = "A redundant statement adds nothing today, but it misleads reviewers (narrowing it seems to "
                + "narrow the role, and does not) and keeps a grant alive when the broader statement is later removed. "
                + "Delete it, or narrow the broader statement if that one is the mistake.")
public final class RedundantStatement implements Rule {

    /** One statement of the role with its place, in the role's policy order. */
    private record Entry(int order, AttachedPolicy policy, Statement statement) {
        String label() {
            return "statement " + statement.label() + " of " + policy.id();
        }

        boolean authored() {
            return policy.source() != PolicySource.AWS_MANAGED;
        }
    }

    @Override
    public void check(RuleContext context, Reporter reporter) {
        for (RoleUse use : RoleUse.resolved(context.model())) {
            List<Entry> entries = entries(use.role());
            for (Entry s : entries) {
                if (!s.authored() || !s.statement().isAllow()) {
                    continue;
                }
                List<String> coveredBy = coverers(s, entries);
                if (coveredBy == null) {
                    continue;
                }
                reporter.at(use.taskDefinition()).role(use.ref()).policy(s.policy()).statement(s.statement())
                        .message("Statement " + s.statement().label() + " of " + s.policy().id()
                                + " grants nothing that " + Texts.compact(coveredBy) + " does not already grant.");
            }
        }
    }

    private static List<Entry> entries(Role role) {
        List<Entry> out = new ArrayList<>();
        int order = 0;
        for (AttachedPolicy p : role.policies()) {
            PolicyDocument doc = p.document().orNull();
            if (p.source() == PolicySource.BOUNDARY || doc == null) {
                continue;
            }
            for (Statement st : doc.statements()) {
                out.add(new Entry(order++, p, st));
            }
        }
        return out;
    }

    /** The statements that together grant everything {@code s} grants, or null when they do not. */
    private static List<String> coverers(Entry s, List<Entry> entries) {
        Statement st = s.statement();
        if (st.actions() == null || st.actions().negated() || st.resources() == null || st.resources().negated()
                || hasVariables(st.actions().values()) || hasVariables(st.resources().values())) {
            return null;
        }
        List<ActionInfo> actions = StatementActions.expand(st);
        if (actions == null || actions.isEmpty()) {
            return null;
        }
        List<Entry> candidates = new ArrayList<>();
        for (Entry t : entries) {
            if (t != s && canCover(t.statement())
                    // Of two equivalent statements only the later one is redundant.
                    && !(t.order() > s.order() && coversAll(st, t.statement()))) {
                candidates.add(t);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        Set<String> used = new LinkedHashSet<>();
        for (ActionInfo a : actions) {
            String lower = a.lowerName();
            for (String r : st.resources().values()) {
                Entry by = null;
                for (Entry t : candidates) {
                    if (grants(t.statement(), lower, r)) {
                        by = t;
                        break;
                    }
                }
                if (by == null) {
                    return null;
                }
                used.add(by.label());
            }
        }
        return new ArrayList<>(used);
    }

    /** True if {@code outer} alone grants everything {@code inner} grants (decides the tie between equals). */
    private static boolean coversAll(Statement outer, Statement inner) {
        if (!canCover(outer) || inner.resources() == null || inner.resources().negated()
                || hasVariables(inner.resources().values())) {
            return false;
        }
        List<ActionInfo> actions = StatementActions.expand(inner);
        if (actions == null || actions.isEmpty()) {
            return false;
        }
        for (ActionInfo a : actions) {
            for (String r : inner.resources().values()) {
                if (!grants(outer, a.lowerName(), r)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Only unconditional, well-formed Allow statements can stand in for another. */
    private static boolean canCover(Statement t) {
        return t.isAllow() && !t.hasConditions() && t.actions() != null && t.resources() != null;
    }

    /** True if {@code t} allows the concrete action on every resource the pattern {@code r} names. */
    private static boolean grants(Statement t, String lowerAction, String r) {
        if (PolicyEvaluator.actionMatches(t.actions(), lowerAction) != Tri.YES) {
            return false;
        }
        boolean concrete = !Wildcard.hasWildcard(r) && !r.contains("${");
        if (t.resources().negated()) {
            return concrete && PolicyEvaluator.resourceMatches(t.resources(), r) == Tri.YES;
        }
        for (String p : t.resources().values()) {
            if (p.equals("*") || p.equals(r)) {
                return true;
            }
            if (p.contains("${")) {
                continue;
            }
            if (concrete && ArnPattern.of(p).matches(r) == Tri.YES) {
                return true;
            }
            // arn:aws:s3:::assets/* covers arn:aws:s3:::assets/img/* : a literal prefix followed by one final *.
            if (p.endsWith("*") && !Wildcard.hasWildcard(p.substring(0, p.length() - 1))
                    && r.startsWith(p.substring(0, p.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasVariables(List<String> values) {
        return values.stream().anyMatch(v -> v.contains("${"));
    }
}
