package dev.roleplan.rules.change;

import dev.roleplan.engine.FactKey;
import dev.roleplan.engine.Finding;
import dev.roleplan.engine.Reporter;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.engine.RuleInfo;
import dev.roleplan.engine.Severity;
import dev.roleplan.iam.AccessComparison.Delta;
import dev.roleplan.iam.AccessComparison.Entry;
import dev.roleplan.iam.AccessComparison.Kind;
import dev.roleplan.iam.AccessComparison.Line;
import dev.roleplan.iam.StatementRef;
import dev.roleplan.model.Model;
import dev.roleplan.rules.BuiltInRules;
import dev.roleplan.rules.change.AccessDeltas.Status;
import dev.roleplan.rules.change.AccessDeltas.TaskDelta;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

@RuleInfo(id = "RP701", severity = Severity.INFO,
        summary = "After the change, a task definition's role allows access it did not allow before",
        description = "Compares each task definition's roles before the plan (its before values and prior state) with "
                + "after, action by action and resource pattern by resource pattern, and lists what the change adds: "
                + "new actions, wider resources, a Deny removed, a boundary loosened, a condition lifted, or a switch "
                + "to a role that allows more. The severity is info, raised to that of the most severe RP3xx or RP4xx "
                + "finding about the newly granted access. Check that the pull request means to grant it.")
public final class ChangeGrantsNewAccess implements Rule {

    /** Lines of new access in one message; the rest is counted ({@code roleplan diff} lists everything). */
    static final int MAX_LINES = 25;

    private final boolean anyInput;

    /** As a check rule: only plan input has a before worth comparing with. */
    public ChangeGrantsNewAccess() {
        this(false);
    }

    /**
     * @param anyInput compare whatever {@code model.before()} holds, whatever the input kind ({@code roleplan
     *                 diff}, where before is the base revision)
     */
    public ChangeGrantsNewAccess(boolean anyInput) {
        this.anyInput = anyInput;
    }

    @Override
    public void check(RuleContext context, Reporter reporter) {
        Model model = context.model();
        // Only a plan has a before: .tf input has no prior values, so every task definition would look new.
        if (model.before() == null || !anyInput && model.inputs().stream().noneMatch(i -> "plan".equals(i.kind()))) {
            return;
        }
        if (!anyInput && model.before().taskDefinitions().isEmpty() && model.before().roles().isEmpty()) {
            // A first apply (no prior values): everything is new, and the other rules already describe all of it.
            return;
        }
        for (TaskDelta d : AccessDeltas.between(model.before(), model)) {
            if (d.after() == null || !d.delta().widens()) {
                continue; // removed access only: nothing granted
            }
            Finding trigger = mostSevereTrigger(context, d);
            Severity severity = trigger == null ? Severity.INFO : trigger.severity();
            reporter.at(d.after()).role(d.afterRef()).severity(severity)
                    .message(message(d) + (trigger == null ? "" : " Severity " + severity.label() + " because of "
                            + trigger.rule().id() + " (" + trigger.rule().name() + ") about this access."));
        }
    }

    static String message(TaskDelta d) {
        String role = "the " + d.kind().label() + " role " + d.afterRole();
        String lead = switch (d.status()) {
            case NEW_TASK_DEFINITION -> "New task definition: " + role + " allows ";
            case NEW_ROLE -> "The task definition gains " + role + ", which allows ";
            case ROLE_SWAPPED -> "The " + d.kind().label() + " role changes from " + d.beforeRole() + " to "
                    + d.afterRole() + ", which also allows ";
            default -> "After the change " + role + " also allows ";
        };
        List<String> parts = new ArrayList<>();
        for (Line l : d.delta().linesOf(Kind.ADDED)) {
            parts.add(l.text());
        }
        for (Line l : d.delta().linesOf(Kind.NOW_UNCONDITIONAL)) {
            parts.add(l.text() + " without the condition it had");
        }
        StringBuilder out = new StringBuilder(lead);
        out.append(String.join("; ", parts.subList(0, Math.min(parts.size(), MAX_LINES))));
        if (parts.size() > MAX_LINES) {
            out.append("; and ").append(parts.size() - MAX_LINES).append(" more (roleplan diff lists all)");
        }
        out.append('.');
        if (!d.unknown().isEmpty()) {
            out.append(" Not compared, known only after apply: ").append(String.join(", ", d.unknown())).append('.');
        }
        return out.toString();
    }

    /**
     * The most severe RP3xx/RP4xx finding on this task definition's role that is about the new access: it
     * names a newly granted action (in its key or message), or points at a statement or policy that grants
     * some of it.
     */
    private static Finding mostSevereTrigger(RuleContext context, TaskDelta d) {
        List<Risk> risks = riskFindings(context).getOrDefault(d.taskDefinition() + "\u0000" + d.kind(), List.of());
        if (risks.isEmpty()) {
            return null;
        }
        // task definitions that share a pair of roles share one delta
        NewAccess granted = context.cached(new FactKey("rp701-new-access", d.delta()), k -> NewAccess.of(d.delta()));
        // a name (lower case) the finding uses is about the new access if the delta grants that action anew
        Predicate<String> isGranted = d.delta()::widens;
        Finding best = null;
        for (Risk risk : risks) {
            Finding f = risk.finding();
            boolean about = (f.key() != null && isGranted.test(f.key().toLowerCase(Locale.ROOT)))
                    || namesAny(risk.lowerMessage(), isGranted)
                    || (f.statement() != null && granted.statements().contains(f.policy() + "#" + f.statement()))
                    || (f.statement() == null && f.policy() != null && granted.policies().contains(f.policy()));
            if (about && (best == null || f.severity().atLeast(best.severity()) && f.severity() != best.severity())) {
                best = f;
            }
        }
        return best;
    }

    /** The statements ({@code policy#sid} or {@code policy#index}) and policies that grant a delta's new access. */
    private record NewAccess(Set<String> statements, Set<String> policies) {
        static NewAccess of(Delta delta) {
            Set<String> statements = new HashSet<>();
            Set<String> policies = new HashSet<>();
            // thousands of entries share a handful of statement lists: each list once
            Map<List<StatementRef>, Boolean> seen = new java.util.IdentityHashMap<>();
            for (Entry e : delta.entries()) {
                if (!e.kind().widens()) {
                    continue;
                }
                if (seen.put(e.statements(), Boolean.TRUE) == null) {
                    for (StatementRef s : e.statements()) {
                        statements.add(s.policyId() + "#" + s.label());
                        policies.add(s.policyId());
                    }
                }
            }
            return new NewAccess(statements, policies);
        }
    }

    /**
     * Whether the lower-case message names, as a whole name, an action {@code isAction} accepts (asked with the
     * name in lower case): not preceded by a letter, digit or ':' and not followed by a letter or digit. Looked up from the message's side (the names
     * around each ':'), not by searching the message for each of the thousands of actions a change may grant.
     * Catalog action names are made of a-z, 0-9 and '-' around one ':'.
     */
    static boolean namesAny(String lower, Predicate<String> isAction) {
        for (int colon = lower.indexOf(':'); colon >= 0; colon = lower.indexOf(':', colon + 1)) {
            int left = colon;
            while (left > 0 && nameChar(lower.charAt(left - 1))) {
                left--;
            }
            int right = colon + 1;
            while (right < lower.length() && nameChar(lower.charAt(right))) {
                right++;
            }
            for (int start = left; start < colon; start++) {
                boolean bounded = start == left
                        ? start == 0 || !Character.isLetterOrDigit(lower.charAt(start - 1)) && lower.charAt(start - 1) != ':'
                        : lower.charAt(start - 1) == '-';
                if (!bounded) {
                    continue;
                }
                for (int end = right; end > colon + 1; end--) {
                    boolean endBounded = end == right
                            ? end == lower.length() || !Character.isLetterOrDigit(lower.charAt(end))
                            : lower.charAt(end) == '-';
                    if (endBounded && isAction.test(lower.substring(start, end))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean nameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-';
    }

    /** An RP3xx/RP4xx finding with its message in lower case, for matching action names. */
    private record Risk(Finding finding, String lowerMessage) {
    }

    /** The RP3xx and RP4xx findings on the after model by task definition and role kind, computed once per run. */
    private static Map<String, List<Risk>> riskFindings(RuleContext context) {
        return context.cached(new FactKey("rp701-risk-findings", context.model()), k -> {
            Map<String, List<Risk>> out = new HashMap<>();
            for (Rule rule : BuiltInRules.all()) {
                String id = rule.meta().id();
                if (id.startsWith("RP3") || id.startsWith("RP4")) {
                    // the engine's own run of the rule when it has one (same model, same findings)
                    for (Finding f : context.findings(rule)) {
                        out.computeIfAbsent(f.taskDefinition() + "\u0000" + f.roleKind(), x -> new ArrayList<>())
                                .add(new Risk(f, f.message().toLowerCase(Locale.ROOT)));
                    }
                }
            }
            return out;
        });
    }
}
