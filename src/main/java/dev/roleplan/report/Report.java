package dev.roleplan.report;

import dev.roleplan.engine.Finding;
import dev.roleplan.engine.Severity;
import dev.roleplan.model.InputInfo;
import dev.roleplan.model.Model;
import dev.roleplan.model.Notice;
import dev.roleplan.model.TaskDefinition;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One run's result as every renderer sees it. Built once; renderers only format it. Every string that came
 * from the input has already passed the {@link Redactor}.
 */
public record Report(
        String toolVersion,
        List<InputInfo> inputs,
        List<TaskDefinition> taskDefinitions,
        List<Finding> findings,
        List<Notice> notices,
        Redactor redactor) {

    public Report {
        inputs = List.copyOf(inputs);
        taskDefinitions = List.copyOf(taskDefinitions);
        findings = List.copyOf(findings);
        notices = List.copyOf(notices);
    }

    public static Report of(String toolVersion, Model model, List<Finding> findings) {
        Redactor redactor = new Redactor(model.sensitiveValues());
        return new Report(toolVersion, model.inputs(), model.taskDefinitions(), findings.stream().map(redactor::redact).toList(),
                model.notices().stream().map(redactor::redact).toList(), redactor);
    }

    /** Count per severity, every severity present (zero when none), most severe first. */
    public Map<Severity, Integer> summary() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        for (Finding f : findings) {
            counts.merge(f.severity(), 1, Integer::sum);
        }
        return counts;
    }

    /** The most severe finding's severity, or null when there is none. */
    public Severity highest() {
        return findings.stream().map(Finding::severity).min(Enum::compareTo).orElse(null);
    }
}
