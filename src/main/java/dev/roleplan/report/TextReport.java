package dev.roleplan.report;

import dev.roleplan.ecs.SuggestedPolicy;
import dev.roleplan.engine.Finding;
import dev.roleplan.engine.Severity;
import dev.roleplan.model.InputInfo;
import dev.roleplan.model.Notice;
import dev.roleplan.model.RoleRef;
import dev.roleplan.model.TaskDefinition;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --format text}: what a reviewer reads in a CI log. Per task definition its two roles, then the
 * findings grouped by severity, each with its path task definition → role → policy → statement.
 */
public final class TextReport implements Renderer {

    @Override
    public String render(Report report) {
        StringBuilder out = new StringBuilder();
        Redactor r = report.redactor();
        out.append("roleplan ").append(report.toolVersion()).append('\n');
        for (InputInfo in : report.inputs()) {
            out.append("input: ").append(Terminal.safe(r.redact(in.path()))).append(" (").append(in.kind());
            if (in.terraformVersion() != null) {
                out.append(", terraform ").append(in.terraformVersion());
            }
            if (in.formatVersion() != null) {
                out.append(", format ").append(in.formatVersion());
            }
            out.append(")\n");
        }
        for (Notice n : report.notices()) {
            out.append(n.level().name().toLowerCase(Locale.ROOT)).append(": ").append(Terminal.safe(r.redact(n.source()))).append(": ")
                    .append(Terminal.safe(r.redact(n.message()))).append('\n');
        }
        out.append('\n');
        taskDefinitions(report, out);
        findings(report, out);
        return out.toString();
    }

    private static void taskDefinitions(Report report, StringBuilder out) {
        List<TaskDefinition> tds = report.taskDefinitions();
        out.append(tds.size() == 1 ? "1 task definition" : tds.size() + " task definitions").append('\n');
        Redactor r = report.redactor();
        for (TaskDefinition td : tds) {
            out.append("\n  ").append(Terminal.safe(r.redact(td.address().text())));
            String family = td.family().orNull();
            out.append(family != null ? "  (family " + Terminal.safe(r.redact(family)) + ")" : "  (family unknown until apply)");
            out.append("  [").append(td.change().label()).append("]\n");
            out.append(roleLine("execution role", td.executionRole(), r));
            out.append(roleLine("task role     ", td.taskRole(), r));
        }
        out.append('\n');
    }

    private static String roleLine(String label, RoleRef ref, Redactor r) {
        StringBuilder line = new StringBuilder("    ").append(label).append("  ");
        switch (ref.status()) {
            case RESOLVED -> {
                line.append(Terminal.safe(r.redact(ref.display()))).append("  resolved");
                int n = ref.role().policies().size();
                line.append(", ").append(n).append(n == 1 ? " policy" : " policies");
            }
            case EXTERNAL -> line.append(Terminal.safe(r.redact(ref.arn() != null ? ref.arn() : "?"))).append("  external");
            case UNKNOWN -> line.append("(unknown until apply)  unknown");
            case ABSENT -> line.append("(not set)  absent");
        }
        return line.append('\n').toString();
    }

    private static void findings(Report report, StringBuilder out) {
        Map<Severity, Integer> summary = report.summary();
        List<Finding> active = report.active();
        int total = active.size();
        out.append(total == 0 ? "No findings." : total == 1 ? "1 finding:" : total + " findings:");
        if (total > 0) {
            StringBuilder counts = new StringBuilder();
            for (Map.Entry<Severity, Integer> e : summary.entrySet()) {
                counts.append(counts.length() == 0 ? " " : ", ").append(e.getValue()).append(' ').append(e.getKey().label());
            }
            out.append(counts);
        }
        out.append('\n');
        Severity current = null;
        java.util.Set<String> shownSuggestions = new java.util.HashSet<>();
        for (Finding f : active) {
            if (f.severity() != current) {
                current = f.severity();
                out.append('\n').append(current.name()).append('\n');
            }
            out.append("  ").append(f.rule().id()).append(' ').append(f.rule().name()).append('\n');
            String path = Terminal.safe(path(f));
            if (!path.isEmpty()) {
                out.append("    ").append(path).append('\n');
            }
            if (f.location() != null && f.location().hasLine()) {
                out.append("    at ").append(Terminal.safe(String.valueOf(f.location()))).append('\n');
            }
            out.append("    ").append(Terminal.safe(f.message())).append('\n');
            suggestion(f, report.redactor(), shownSuggestions, out);
        }
        List<Finding> suppressed = report.suppressed();
        if (!suppressed.isEmpty()) {
            out.append('\n').append(suppressed.size()).append(" suppressed (not counted)\n");
            for (Finding f : suppressed) {
                String path = Terminal.safe(path(f));
                out.append("  ").append(f.rule().id()).append(' ').append(f.severity().label()).append(' ')
                        .append(path.isEmpty() ? "-" : path).append("  (").append(f.suppression().source().label());
                if (f.suppression().until() != null) {
                    out.append(" until ").append(f.suppression().until());
                }
                out.append(": ").append(Terminal.safe(report.redactor().redact(f.suppression().reason()))).append(")\n");
            }
        }
    }

    /** A suggested policy, as the aws_iam_policy_document block to paste (the JSON form is in --format json). */
    private static void suggestion(Finding f, Redactor r, java.util.Set<String> shown, StringBuilder out) {
        SuggestedPolicy policy = SuggestedPolicy.fromSuggestion(f.suggestion());
        if (policy == null || policy.isEmpty()) {
            return;
        }
        String kind = f.roleKind() == null ? "role" : f.roleKind().label() + "_role";
        String hcl = policy.toHcl(kind);
        if (!shown.add(f.taskDefinition() + "\u0000" + hcl)) {
            // Several findings of one task definition carry the same policy: print it once.
            out.append("    Suggested policy: as above for ").append(Terminal.safe(r.redact(f.taskDefinition()))).append('\n');
            return;
        }
        out.append("    Suggested policy:\n");
        for (String line : hcl.split("\n")) {
            out.append("      ").append(Terminal.safe(r.redact(line))).append('\n');
        }
    }

    /** task definition → role → policy → statement, leaving out what does not apply. */
    static String path(Finding f) {
        StringBuilder p = new StringBuilder();
        if (f.taskDefinition() != null) {
            p.append(f.taskDefinition());
        }
        if (f.role() != null || f.roleKind() != null) {
            p.append(p.length() > 0 ? " → " : "").append(f.roleKind() == null ? "role" : f.roleKind().label() + " role");
            if (f.role() != null) {
                p.append(' ').append(f.role());
            }
        }
        if (f.policy() != null) {
            p.append(p.length() > 0 ? " → " : "").append("policy ").append(f.policy());
        }
        if (f.statement() != null) {
            p.append(" → statement ").append(f.statement());
        }
        return p.toString();
    }
}
