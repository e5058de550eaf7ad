package dev.roleplan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckCommandTest {

    private static final String EXAMPLE = "testdata/example/plan.json";

    @Test
    void exampleFailsTheDefaultGateAndPrintsBothRolesOfEveryTaskDefinition() {
        Cli r = Cli.run("check", EXAMPLE);
        assertEquals(1, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("  module.svc[\"api\"].aws_ecs_task_definition.this  (family shop-api)  [create]\n"
                + "    execution role  module.iam.aws_iam_role.execution  resolved, 2 policies\n"
                + "    task role       module.iam.aws_iam_role.task  resolved, 1 policy\n"), r.out());
    }

    @Test
    void failOnDecidesTheExitCode() {
        // RP104 reports only info findings on the example; RP101 a high one.
        assertEquals(0, Cli.run("check", EXAMPLE, "--rule", "RP104").code());
        assertEquals(0, Cli.run("check", EXAMPLE, "--rule", "RP104", "--fail-on", "low").code());
        assertEquals(1, Cli.run("check", EXAMPLE, "--rule", "RP104", "--fail-on", "info").code());
        assertEquals(1, Cli.run("check", EXAMPLE, "--rule", "RP101").code());
        assertEquals(1, Cli.run("check", EXAMPLE, "--rule", "RP101", "--fail-on", "HIGH").code());
        assertEquals(0, Cli.run("check", EXAMPLE, "--rule", "RP101", "--fail-on", "critical").code());
        assertEquals(0, Cli.run("check", EXAMPLE, "--fail-on", "never").code());
    }

    @Test
    void jsonFollowsTheContract(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("report.json");
        Cli r = Cli.run("check", EXAMPLE, "--format", "json", "--output", out.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals("", r.out());
        JsonNode root = new ObjectMapper().readTree(Files.readString(out, StandardCharsets.UTF_8));
        assertEquals("roleplan", root.at("/tool/name").asText());
        assertEquals("plan", root.at("/inputs/0/kind").asText());
        assertEquals("1.2", root.at("/inputs/0/format_version").asText());
        JsonNode api = root.get("task_definitions").get(2);
        assertEquals("module.svc[\"api\"].aws_ecs_task_definition.this", api.get("address").asText());
        assertEquals("resolved", api.at("/execution_role/status").asText());
        assertEquals("module.iam.aws_iam_role.execution", api.at("/execution_role/address").asText());
        assertTrue(api.at("/execution_role/arn").isNull(), "ARN unknown at plan time");
        for (JsonNode f : root.get("findings")) {
            for (String field : new String[]{"rule", "name", "severity", "message", "task_definition", "role_kind", "role",
                    "policy", "statement", "location", "suggestion", "fingerprint"}) {
                assertTrue(f.has(field), "finding lacks " + field + ": " + f);
            }
        }
        for (String s : new String[]{"critical", "high", "medium", "low", "info"}) {
            assertTrue(root.at("/summary/" + s).isInt(), s);
        }
    }

    @Test
    void readsAPlanFromStandardInput() throws IOException {
        Cli r = Cli.runWithStdin(Files.newInputStream(Path.of(EXAMPLE)), "check", "-", "--rule", "RP101");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("input: (stdin) (plan, terraform 1.9.5, format 1.2)"), r.out());
    }

    @Test
    void sameInputSameBytes() {
        assertEquals(Cli.run("check", EXAMPLE, "--format", "json").out(), Cli.run("check", EXAMPLE, "--format", "json").out());
        assertEquals(Cli.run("check", EXAMPLE).out(), Cli.run("check", EXAMPLE).out());
    }

    @Test
    void usageErrorsExitTwoWithAOneLineReason() {
        Cli unknownFormat = Cli.run("check", EXAMPLE, "--format", "yaml");
        assertEquals(2, unknownFormat.code());
        assertEquals("roleplan: --format yaml: expected text or json\n", unknownFormat.err());
        assertEquals(2, Cli.run("check", EXAMPLE, "--rule", "RP999").code());
        assertEquals(2, Cli.run("check", EXAMPLE, "--fail-on", "severe").code());
        assertEquals(2, Cli.run("check").code());
        assertEquals(2, Cli.run("check", "-", "-").code());
        assertEquals(2, Cli.run("frobnicate").code());
        assertEquals(2, Cli.run("check", EXAMPLE, "--output", "/no/such/dir/report.json").code());
    }

    @Test
    void unreadableInputsExitThreeNamingTheFile(@TempDir Path dir) throws IOException {
        Cli missing = Cli.run("check", "no-such-plan.json");
        assertEquals(3, missing.code());
        assertEquals("roleplan: cannot read no-such-plan.json: no such file or directory\n", missing.err());
        Path truncated = dir.resolve("truncated.json");
        Files.writeString(truncated, "{\"format_version\":\"1.2\",\"planned_values\":{\"root_module\":{\"resources\":[");
        Cli t = Cli.run("check", truncated.toString());
        assertEquals(3, t.code());
        assertTrue(t.err().startsWith("roleplan: cannot read " + truncated), t.err());
        assertFalse(t.err().contains("\tat "), t.err());
    }

    @Test
    void helpAnswersTheUsersQuestions() {
        Cli help = Cli.run("check", "--help");
        assertEquals(0, help.code());
        for (String expected : new String[]{"terraform show -json", "--fail-on", "--format", "Exit codes:", "standard input"}) {
            assertTrue(help.out().contains(expected), expected + " in\n" + help.out());
        }
        assertTrue(Cli.run("--version").out().startsWith("roleplan "));
    }
}
