package dev.roleplan.report;

import dev.roleplan.engine.Finding;
import dev.roleplan.engine.RuleMeta;
import dev.roleplan.engine.Severity;
import dev.roleplan.model.InputInfo;
import dev.roleplan.model.Model;
import dev.roleplan.model.Notice;
import dev.roleplan.model.TaskDefinition;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run's result as every renderer sees it. Built once; renderers only format it. Every string that came
 * from the input has already passed the {@link Redactor}.
 *
 * @param rules  the rules that ran, sorted by id (SARIF lists every one; JUnit makes a test case of each)
 * @param failOn the gate's threshold label ({@code high}, {@code never}, …), or null when not known
 */
public record Report(
        String toolVersion,
        List<InputInfo> inputs,
        List<TaskDefinition> taskDefinitions,
        List<Finding> findings,
        List<Notice> notices,
        Redactor redactor,
        List<RuleMeta> rules,
        String failOn) {

    public Report {
        inputs = List.copyOf(inputs);
        taskDefinitions = List.copyOf(taskDefinitions);
        findings = List.copyOf(findings);
        notices = List.copyOf(notices);
        rules = rules.stream().sorted(Comparator.comparing(RuleMeta::id)).toList();
    }

    /** A report whose rule list is derived from its findings and whose gate is not known. */
    public Report(String toolVersion, List<InputInfo> inputs, List<TaskDefinition> taskDefinitions, List<Finding> findings,
                  List<Notice> notices, Redactor redactor) {
        this(toolVersion, inputs, taskDefinitions, findings, notices, redactor, rulesOf(findings), null);
    }

    public static Report of(String toolVersion, Model model, List<Finding> findings) {
        return of(toolVersion, model, findings, rulesOf(findings), null, List.of());
    }

    /**
     * @param extraNotices notices of the run itself (configuration, suppressions, baseline), after the model's
     */
    public static Report of(String toolVersion, Model model, List<Finding> findings, List<RuleMeta> rules, String failOn,
                            List<Notice> extraNotices) {
        Redactor redactor = new Redactor(model.sensitiveValues());
        List<Notice> notices = new java.util.ArrayList<>(model.notices());
        notices.addAll(extraNotices);
        return new Report(toolVersion, model.inputs(), model.taskDefinitions(), findings.stream().map(redactor::redact).toList(),
                notices.stream().map(redactor::redact).toList(), redactor, rules, failOn);
    }

    private static List<RuleMeta> rulesOf(List<Finding> findings) {
        Map<String, RuleMeta> byId = new TreeMap<>();
        findings.forEach(f -> byId.putIfAbsent(f.rule().id(), f.rule()));
        return List.copyOf(byId.values());
    }

    /** The findings that count: not suppressed, not baselined. */
    public List<Finding> active() {
        return findings.stream().filter(f -> !f.isSuppressed()).toList();
    }

    public List<Finding> suppressed() {
        return findings.stream().filter(Finding::isSuppressed).toList();
    }

    /** Count of active findings per severity, every severity present (zero when none), most severe first. */
    public Map<Severity, Integer> summary() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        for (Finding f : active()) {
            counts.merge(f.severity(), 1, Integer::sum);
        }
        return counts;
    }

    /** The most severe active finding's severity, or null when there is none. */
    public Severity highest() {
        return active().stream().map(Finding::severity).min(Enum::compareTo).orElse(null);
    }
}
