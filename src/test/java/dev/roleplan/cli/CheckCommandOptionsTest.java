package dev.roleplan.cli;

import dev.roleplan.app.Analyzer;
import dev.roleplan.app.Frontend;
import dev.roleplan.model.AccountContext;
import dev.roleplan.model.Infrastructure;
import dev.roleplan.model.InputInfo;
import dev.roleplan.model.Model;
import dev.roleplan.model.RoleStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.roleplan.testing.Fixtures.model;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The check command end to end over a fixed model (the plan reader is another package's job): gate, config,
 * suppressions, baseline, formats, annotations and summary, each shown by the exit code it produces.
 */
class CheckCommandOptionsTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);
    private static final String S3 = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""";
    private static final String STAR = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";

    @TempDir
    Path dir;

    /** One task definition: RP301 critical (task role), RP302 high (execution role), RP104 info (none here). */
    private static Model sample() {
        return model(
                taskDefinition("aws_ecs_task_definition.api")
                        .execution(role("aws_iam_role.exec").inline("aws_iam_role_policy.exec", S3))
                        .task(role("aws_iam_role.task").inline("aws_iam_role_policy.task", STAR)),
                taskDefinition("aws_ecs_task_definition.batch").executionRef(RoleStatus.EXTERNAL, "arn:aws:iam::1:role/x", "not in the input"));
    }

    private record Run(int code, String out, String err) {
    }

    private Run check(Model model, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Frontend fake = new Frontend() {
            @Override
            public Infrastructure read(Path path) {
                return new Infrastructure(new InputInfo(path.toString(), "plan", null, null), List.of(), AccountContext.unknown(),
                        List.of(), Set.of());
            }

            @Override
            public Infrastructure read(InputStream in, String displayName) {
                return read(Path.of(displayName));
            }
        };
        Analyzer analyzer = new Analyzer(fake, null, inputs -> model);
        List<String> all = new ArrayList<>(List.of("check", "-"));
        all.addAll(List.of(args));
        if (!all.contains("--rule")) {
            // The rules these samples were written against, so a new rule does not change what they show.
            for (String id : List.of("RP101", "RP104", "RP105", "RP107", "RP301", "RP302", "RP304", "RP901")) {
                all.addAll(List.of("--rule", id));
            }
        }
        int code = Main.run(all.toArray(String[]::new), new Io(new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(new byte[0])), analyzer, TODAY, dir);
        return new Run(code, out.toString(), err.toString());
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void failOnEachLevelAndNever() {
        assertEquals(1, check(sample()).code(), "default high: RP301 critical and RP302 high fail");
        assertEquals(1, check(sample(), "--fail-on", "critical").code());
        assertEquals(1, check(sample(), "--fail-on", "high").code());
        assertEquals(1, check(sample(), "--fail-on", "medium").code());
        assertEquals(1, check(sample(), "--fail-on", "low").code());
        assertEquals(1, check(sample(), "--fail-on", "info").code());
        assertEquals(0, check(sample(), "--fail-on", "never").code());
        assertEquals(0, check(sample(), "--fail-on", "critical", "--rule", "RP302").code(), "only a high finding");
        assertEquals(1, check(sample(), "--fail-on", "high", "--rule", "RP302").code());
        assertEquals(0, check(sample(), "--fail-on", "low", "--rule", "RP104").code(), "only an info finding");
        assertEquals(1, check(sample(), "--fail-on", "info", "--rule", "RP104").code());
        Run bad = check(sample(), "--fail-on", "sometimes");
        assertEquals(2, bad.code());
        assertEquals("roleplan: --fail-on sometimes: expected critical, high, medium, low, info or never\n", bad.err());
    }

    @Test
    void configFromTheWorkingDirectorySetsGateSeveritiesAndDisabledRules() throws Exception {
        write(".roleplan.yml", "fail-on: critical\nseverity: {RP301: high}\n");
        assertEquals(0, check(sample()).code(), "RP301 lowered to high, gate at critical");
        assertEquals(1, check(sample(), "--fail-on", "high").code(), "the option wins over the file");
        write(".roleplan.yml", "disable: [RP301, RP302]\n");
        Run r = check(sample(), "--format", "json");
        assertEquals(0, r.code());
        assertTrue(!r.out().contains("\"RP301\"") && !r.out().contains("\"RP302\""), r.out());
    }

    @Test
    void configErrorsExitTwo() throws Exception {
        Path c = write("c.yml", "fail-on: high\nsupressions: []\n");
        Run r = check(sample(), "--config", c.toString());
        assertEquals(2, r.code());
        assertEquals("roleplan: " + c + " line 2: unknown key \"supressions\"; expected one of: disable, external-roles, "
                + "fail-on, guardrails, severity, suppressions\n", r.err());
        Path unknownRule = write("d.yml", "disable: [RP999]\n");
        assertEquals("roleplan: " + unknownRule + ": no rule RP999; `roleplan rules` lists them\n",
                check(sample(), "--config", unknownRule.toString()).err());
        assertEquals(2, check(sample(), "--config", dir.resolve("missing.yml").toString()).code());
    }

    @Test
    void suppressionsActiveExpiredAndWithoutReason() throws Exception {
        String entries = "suppressions:\n"
                + "  - {rule: RP301, address: aws_ecs_task_definition.*, reason: accepted until the rewrite, until: %s}\n"
                + "  - {rule: RP302, address: aws_iam_role.exec%s}\n";
        Path active = write("a.yml", entries.formatted("2026-11-22", ", reason: legacy"));
        Run r = check(sample(), "--config", active.toString(), "--format", "json");
        assertEquals(0, r.code(), "both failing findings suppressed, RP104 info remains");
        assertTrue(r.out().contains("\"source\" : \"config\""), r.out());
        assertTrue(r.out().contains("\"critical\" : 0,"), "suppressed findings leave the counts: " + r.out());

        Path expired = write("e.yml", entries.formatted("2026-11-21", ", reason: legacy"));
        Run e = check(sample(), "--config", expired.toString(), "--fail-on", "critical");
        assertEquals(1, e.code(), "the expired suppression no longer hides RP301");
        assertTrue(e.out().contains("warning: " + expired + " suppressions[0]: suppression expired on 2026-11-21"), e.out());

        Path noReason = write("n.yml", entries.formatted("2027-01-01", ""));
        Run n = check(sample(), "--config", noReason.toString(), "--fail-on", "high");
        assertEquals(1, n.code(), "a suppression without reason does not suppress RP302");
        assertTrue(n.out().contains("warning: " + noReason + " suppressions[1]: suppression has no reason"), n.out());
    }

    @Test
    void baselineReportsOnlyNewFindings() throws Exception {
        Path baseline = dir.resolve("baseline.json");
        assertEquals(1, check(sample(), "--write-baseline", baseline.toString()).code(), "writing does not change the gate");
        assertTrue(Files.readString(baseline).contains("\"rule\" : \"RP301\""));
        assertEquals(0, check(sample(), "--baseline", baseline.toString(), "--fail-on", "info").code(), "everything is known");
        Model more = model(
                taskDefinition("aws_ecs_task_definition.batch").executionRef(RoleStatus.EXTERNAL, "arn:aws:iam::1:role/x", "not in the input"),
                taskDefinition("aws_ecs_task_definition.new").task(role("aws_iam_role.new").inline("aws_iam_role_policy.new", S3)),
                taskDefinition("aws_ecs_task_definition.api")
                        .execution(role("aws_iam_role.exec").inline("aws_iam_role_policy.exec", S3))
                        .task(role("aws_iam_role.task").inline("aws_iam_role_policy.task", STAR)));
        Run r = check(more, "--baseline", baseline.toString(), "--fail-on", "high");
        assertEquals(1, r.code(), "the new task definition's RP302 gates");
        assertTrue(r.out().contains("1 finding: 0 critical, 1 high"), r.out());
        assertEquals(2, check(sample(), "--baseline", dir.resolve("none.json").toString()).code());
    }

    @Test
    void everyFormatIsByteIdenticalOnTwoRuns() {
        for (String format : List.of("text", "json", "sarif", "junit", "markdown")) {
            Run a = check(sample(), "--format", format, "--github-annotations");
            Run b = check(sample(), "--format", format, "--github-annotations");
            assertEquals(1, a.code(), format);
            assertEquals(a.out(), b.out(), format);
            assertTrue(a.out().length() > 100, format);
        }
    }

    @Test
    void annotationsFollowTheReportAndSummaryIsAppended() throws Exception {
        Path summary = write("summary.md", "# earlier step\n");
        Run r = check(sample(), "--format", "json", "--github-annotations", "--summary", summary.toString());
        assertTrue(r.out().contains("}\n::error title=RP301 allows-all-actions (critical)::"), r.out());
        String md = Files.readString(summary);
        assertTrue(md.startsWith("# earlier step\n### ❌ roleplan: 2 findings at or above high"), md);
    }

    @Test
    void unknownFormatIsAUsageError() {
        Run r = check(sample(), "--format", "xml");
        assertEquals(2, r.code());
        assertEquals("roleplan: --format xml: expected text, json, sarif, junit or markdown\n", r.err());
    }
}
