package dev.roleplan.iam;

import dev.roleplan.model.Patterns;
import dev.roleplan.model.PolicyDocument;
import dev.roleplan.model.Principals;
import dev.roleplan.model.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Who a role's trust policy lets assume it, as the ECS rules need to know. */
public final class TrustPolicies {

    public static final String ECS_TASKS = "ecs-tasks.amazonaws.com";
    private static final Set<String> ECS_TASKS_NAMES = Set.of(ECS_TASKS, "ecs-tasks.amazonaws.com.cn");
    /** The STS actions that make a principal the role's user. */
    private static final List<String> ASSUME_ACTIONS = List.of(
            "sts:AssumeRole", "sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML");

    private TrustPolicies() {
    }

    /** One principal that a trust statement lets assume the role. {@code type} is "*" for anyone. */
    public record Grant(Statement statement, String type, String identifier) {
        public boolean isAnyone() {
            return type.equals("*");
        }

        public String display() {
            return isAnyone() ? "any principal (\"*\")" : type + " " + identifier;
        }
    }

    /** True when ecs-tasks.amazonaws.com may call sts:AssumeRole, allowing for Deny statements without conditions. */
    public static boolean allowsEcsTasks(PolicyDocument trust) {
        boolean allowed = false;
        for (Statement s : trust.statements()) {
            if (!s.isAllow() || !coversEcsTasks(s.principals()) || !actionsCover(s.actions(), "sts:AssumeRole")) {
                continue;
            }
            allowed = true;
        }
        if (!allowed) {
            return false;
        }
        for (Statement s : trust.statements()) {
            if (s.isDeny() && !s.hasConditions() && coversEcsTasks(s.principals()) && actionsCover(s.actions(), "sts:AssumeRole")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The Allow statements that let ecs-tasks.amazonaws.com call sts:AssumeRole without an
     * {@code aws:SourceAccount} or {@code aws:SourceArn} condition (keys compare case-insensitively, any
     * operator): the confused-deputy protection AWS recommends for task roles is missing from them.
     */
    public static List<Statement> ecsTasksWithoutSourceConditions(PolicyDocument trust) {
        List<Statement> out = new ArrayList<>();
        for (Statement s : trust.statements()) {
            if (!s.isAllow() || !coversEcsTasks(s.principals()) || !actionsCover(s.actions(), "sts:AssumeRole")) {
                continue;
            }
            boolean bound = s.conditions().stream().anyMatch(c -> c.key().equalsIgnoreCase("aws:SourceAccount")
                    || c.key().equalsIgnoreCase("aws:SourceArn"));
            if (!bound) {
                out.add(s);
            }
        }
        return out;
    }

    /** Every principal other than ecs-tasks.amazonaws.com that an Allow statement lets assume the role. */
    public static List<Grant> otherPrincipals(PolicyDocument trust) {
        List<Grant> out = new ArrayList<>();
        for (Statement s : trust.statements()) {
            if (!s.isAllow() || s.principals() == null || !coversAnyAssume(s.actions())) {
                continue;
            }
            Principals p = s.principals();
            if (p.negated() || p.anyone()) {
                // Allow with NotPrincipal grants everyone not listed: as open as "*".
                out.add(new Grant(s, "*", "*"));
                continue;
            }
            for (Map.Entry<String, List<String>> e : p.byType().entrySet()) {
                for (String id : e.getValue()) {
                    if (e.getKey().equals("Service") && ECS_TASKS_NAMES.contains(id)) {
                        continue;
                    }
                    out.add(new Grant(s, e.getKey(), id));
                }
            }
        }
        return out;
    }

    private static boolean coversEcsTasks(Principals p) {
        if (p == null) {
            return false;
        }
        boolean listed = p.anyone() || p.of("Service").stream().anyMatch(ECS_TASKS_NAMES::contains);
        return p.negated() != listed;
    }

    private static boolean coversAnyAssume(Patterns actions) {
        return ASSUME_ACTIONS.stream().anyMatch(a -> actionsCover(actions, a));
    }

    static boolean actionsCover(Patterns actions, String action) {
        if (actions == null) {
            return false;
        }
        boolean listed = actions.values().stream().anyMatch(p -> Wildcard.matches(p.toLowerCase(java.util.Locale.ROOT), action.toLowerCase(java.util.Locale.ROOT)));
        return actions.negated() != listed;
    }
}
