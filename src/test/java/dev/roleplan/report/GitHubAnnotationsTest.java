package dev.roleplan.report;

import dev.roleplan.engine.Finding;
import dev.roleplan.engine.Fingerprints;
import dev.roleplan.engine.RuleMeta;
import dev.roleplan.engine.Severity;
import dev.roleplan.model.SourceLocation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GitHubAnnotationsTest {

    @Test
    void oneCommandPerActiveFindingMostSevereFirst() {
        String out = GitHubAnnotations.render(SampleReports.typical());
        List<String> lines = out.lines().toList();
        assertEquals(6, lines.size(), out);
        assertEquals("::error file=iam.tf,line=50,title=RP301 allows-all-actions (critical)::Statement Everything of "
                + "aws_iam_role_policy.task_admin allows every action (\"*\").%0Amodule.svc.aws_ecs_task_definition.app[\"api\"] → task role "
                + "aws_iam_role.task → policy aws_iam_role_policy.task_admin → statement Everything", lines.get(0));
        assertTrue(lines.get(4).startsWith("::notice title=RP104 role-not-resolved (info)::The execution role"), lines.get(4));
        assertTrue(out.lines().noneMatch(l -> l.contains("RP304")), "suppressed findings are not annotated");
    }

    @Test
    void inputCannotForgeCommands() {
        String out = GitHubAnnotations.render(SampleReports.hostile());
        // Every line is one command of ours: the hostile newline and "::error::" in names stay inside the message.
        for (String line : out.lines().toList()) {
            assertTrue(line.matches("::(error|warning|notice) [^:]*::.*"), line);
        }
        assertTrue(out.contains("%25"), "a literal % is escaped");
        assertEquals("a%25b%0D%0Ac", GitHubAnnotations.data("a%b\r\nc"));
        assertEquals("x%3Ay%2Cz%0A", GitHubAnnotations.property("x:y,z\n"));
    }

    @Test
    void cappedAtTenPerKindWithOneSummaryLine() {
        RuleMeta rule = new RuleMeta("RP302", "allows-service-wildcard", Severity.HIGH, "S", "D.");
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            findings.add(new Finding(rule, Severity.HIGH, "m" + i, "td" + i, null, null, null, null,
                    new SourceLocation("main.tf", i + 1), null, null, Fingerprints.of("h", "" + i)));
        }
        for (int i = 0; i < 12; i++) {
            findings.add(new Finding(rule, Severity.LOW, "l" + i, "td" + i, null, null, null, null, null, null, null,
                    Fingerprints.of("l", "" + i)));
        }
        Report base = SampleReports.clean();
        Report report = new Report("test", base.inputs(), base.taskDefinitions(), findings, List.of(), base.redactor());
        List<String> lines = GitHubAnnotations.render(report).lines().toList();
        assertEquals(10, lines.stream().filter(l -> l.startsWith("::error ")).count());
        assertEquals(10, lines.stream().filter(l -> l.startsWith("::notice ")).count(), "9 findings and the summary");
        assertEquals("::notice title=roleplan%3A more findings::7 of 26 findings are not annotated (GitHub shows 10 of each kind "
                + "per step): 4 errors, 0 warnings, 3 notices. The report above lists them all.", lines.get(lines.size() - 1));
    }
}
