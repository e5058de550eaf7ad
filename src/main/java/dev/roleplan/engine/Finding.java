package dev.roleplan.engine;

import dev.roleplan.model.RoleKind;
import dev.roleplan.model.SourceLocation;

import java.util.Comparator;

/**
 * One thing a rule found, traceable task definition → role → policy → statement.
 *
 * @param taskDefinition the task definition's address, or null for findings about no task definition
 * @param roleKind       execution or task, or null when the finding is not about one role
 * @param role           the role's address, or its ARN when it is not in the input, or null
 * @param policy         the policy's id (address, managed ARN, inline block), or null
 * @param statement      the statement's Sid or index within the policy, or null
 * @param location       file and line when known (HCL input), or null
 * @param key            what distinguishes findings of one rule at one place (e.g. the action), part of
 *                       the fingerprint and never shown
 * @param suggestion     a JSON-like tree (Map/List/String) the rule proposes instead, or null
 * @param fingerprint    stable across runs, reordering and unrelated edits
 * @param suppression    why the finding is accepted, or null when it is active; suppressed findings are
 *                       reported but never gate
 */
public record Finding(
        RuleMeta rule,
        Severity severity,
        String message,
        String taskDefinition,
        RoleKind roleKind,
        String role,
        String policy,
        String statement,
        SourceLocation location,
        String key,
        Object suggestion,
        String fingerprint,
        Suppression suppression) {

    /** An active (unsuppressed) finding, as rules report them. */
    public Finding(RuleMeta rule, Severity severity, String message, String taskDefinition, RoleKind roleKind,
                   String role, String policy, String statement, SourceLocation location, String key, Object suggestion,
                   String fingerprint) {
        this(rule, severity, message, taskDefinition, roleKind, role, policy, statement, location, key, suggestion,
                fingerprint, null);
    }

    /** Most severe first, then by rule and place, so the same input always gives the same order. */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::severity)
            .thenComparing(f -> f.rule().id())
            .thenComparing(Finding::taskDefinition, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(f -> f.roleKind() == null ? -1 : f.roleKind().ordinal())
            .thenComparing(Finding::role, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::policy, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::statement, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::key, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::message);

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(rule, newSeverity, message, taskDefinition, roleKind, role, policy, statement, location,
                key, suggestion, fingerprint, suppression);
    }

    public Finding withSuppression(Suppression accepted) {
        return new Finding(rule, severity, message, taskDefinition, roleKind, role, policy, statement, location,
                key, suggestion, fingerprint, accepted);
    }

    public boolean isSuppressed() {
        return suppression != null;
    }

    /** The most specific Terraform address the finding is about: task definition, else role, else policy. */
    public String address() {
        if (taskDefinition != null) {
            return taskDefinition;
        }
        return role != null ? role : policy;
    }
}
