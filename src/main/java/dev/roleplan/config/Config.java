package dev.roleplan.config;

import dev.roleplan.engine.Severity;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The user's {@code .roleplan.yml}, validated. Rule ids are upper case; checking them against the rule
 * registry is the caller's job (config does not know the rules).
 *
 * @param source            the file it was read from, for messages; null for the empty configuration
 * @param failOn            the gate from the file ({@code never} as {@link FailOn#never()}), or null when unset
 * @param disabledRules     rules not to run
 * @param severityOverrides rule id → severity to report instead of the rule's own
 * @param externalRoles     roles defined outside the input, with their policies, so they can be analysed
 * @param guardrails        access no role of a kind may have (RP901)
 * @param suppressions      accepted findings, by rule and address glob
 */
public record Config(
        String source,
        FailOn failOn,
        Set<String> disabledRules,
        Map<String, Severity> severityOverrides,
        List<ExternalRole> externalRoles,
        List<Guardrail> guardrails,
        List<SuppressionEntry> suppressions) {

    public Config {
        disabledRules = Set.copyOf(disabledRules);
        severityOverrides = Map.copyOf(severityOverrides);
        externalRoles = List.copyOf(externalRoles);
        guardrails = List.copyOf(guardrails);
        suppressions = List.copyOf(suppressions);
    }

    public static Config empty() {
        return new Config(null, null, Set.of(), Map.of(), List.of(), List.of(), List.of());
    }

    /** The gate: a severity, or never (threshold null). */
    public record FailOn(Severity threshold) {
        public static FailOn never() {
            return new FailOn(null);
        }

        public String label() {
            return threshold == null ? "never" : threshold.label();
        }
    }

    /**
     * A role that the input names by ARN but does not define, described here so its policies can be
     * analysed. The resolver turns each policy into an AttachedPolicy: a managed ARN through the bundled
     * catalog, a document through PolicyParser.
     *
     * @param arn      the role ARN exactly as task definitions name it
     * @param policies its policies, in the order given
     */
    public record ExternalRole(String arn, List<ExternalPolicy> policies) {
        public ExternalRole {
            policies = List.copyOf(policies);
        }
    }

    /**
     * One policy of an external role: either {@code arn} (an AWS-managed or customer-managed policy ARN) or
     * {@code document} (the policy JSON, as text), never both.
     *
     * @param place where it was declared, e.g. {@code external-roles[0].policies[1]}, for the resolver's messages
     */
    public record ExternalPolicy(String arn, String document, String place) {
    }

    /**
     * Access that must never be granted to roles of one kind (RP901).
     *
     * @param roleKind  {@code execution}, {@code task} or {@code any}
     * @param actions   action patterns ({@code iam:*}, {@code s3:DeleteBucket})
     * @param resources resource patterns; {@code *} when not given
     * @param severity  the finding's severity (high when not given)
     * @param reason    why, shown in the finding; may be null
     */
    public record Guardrail(String name, String roleKind, List<String> actions, List<String> resources, Severity severity,
                            String reason) {
        public Guardrail {
            actions = List.copyOf(actions);
            resources = List.copyOf(resources);
        }
    }

    /**
     * An accepted finding: rule and address glob ({@code *} any run of characters, {@code ?} one), with the
     * reason someone accepted it and optionally the last day the acceptance holds.
     *
     * @param reason null or blank is allowed here so it can be reported, not rejected
     * @param until  ISO date, or null
     * @param place  where it was declared ({@code .roleplan.yml suppressions[2]}), for notices
     */
    public record SuppressionEntry(String rule, String address, String reason, java.time.LocalDate until, String place) {
    }
}
