package dev.roleplan.cli;

import dev.roleplan.app.Analyzer;
import dev.roleplan.input.InputException;
import dev.roleplan.input.InputLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code roleplan check DIR} on Terraform configuration directories. */
class HclCheckCommandTest {

    @TempDir
    Path dir;

    @Test
    void theExampleDirectoryIsCheckedWithFileAndLine() {
        Cli cli = Cli.run("check", "testdata/example", "--fail-on", "never");
        assertEquals(0, cli.code(), cli.err());
        assertTrue(cli.out().contains("input: testdata/example (hcl)"), cli.out());
        assertTrue(cli.out().contains("at modules/iam/main.tf:15"), cli.out());
    }

    @Test
    void aSyntaxErrorExitsThreeWithFileLineAndColumn() throws IOException {
        Files.writeString(dir.resolve("main.tf"), "resource \"aws_iam_role\" \"r\" {\n  name = \n}\n");
        Cli cli = Cli.run("check", dir.toString());
        assertEquals(3, cli.code());
        assertTrue(cli.err().startsWith("roleplan: cannot read " + dir.resolve("main.tf") + ":2:10: expected an expression, found newline"), cli.err());
        assertEquals(1, cli.err().lines().count(), cli.err());
    }

    @Test
    void aDirectoryWithoutTfFilesExitsThree() {
        Cli cli = Cli.run("check", dir.toString());
        assertEquals(3, cli.code());
        assertEquals("roleplan: cannot read " + dir + ": is a directory without .tf or .tf.json files; "
                + "give the directory that holds the root module's configuration\n", cli.err());
    }

    @Test
    void roleplanIgnoreCommentsSuppressFindingsAtTheirLine() throws IOException {
        Files.writeString(dir.resolve("main.tf"), """
                resource "aws_iam_role" "task" {
                  name = "task"
                  assume_role_policy = jsonencode({
                    Version = "2012-10-17"
                    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ecs-tasks.amazonaws.com" } }]
                  })
                }
                resource "aws_iam_role_policy" "p" {
                  name = "p"
                  role = aws_iam_role.task.id
                  policy = jsonencode({
                    Version = "2012-10-17"
                    Statement = [
                      # roleplan:ignore RP302 reason="bucket-only role, reviewed"
                      { Effect = "Allow", Action = "s3:*", Resource = "arn:aws:s3:::assets/*" },
                    ]
                  })
                }
                resource "aws_ecs_task_definition" "t" {
                  family        = "t"
                  task_role_arn = aws_iam_role.task.arn
                  container_definitions = jsonencode([{ name = "app", image = "nginx:1", essential = true }])
                }
                """);
        Cli cli = Cli.run("check", dir.toString(), "--format", "json", "--fail-on", "never");
        assertEquals(0, cli.code(), cli.err());
        com.fasterxml.jackson.databind.JsonNode findings = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(cli.out()).get("findings");
        int rp302 = 0;
        for (com.fasterxml.jackson.databind.JsonNode finding : findings) {
            if (finding.get("rule").asText().equals("RP302")) {
                rp302++;
                assertEquals("main.tf:15", finding.get("location").get("file").asText() + ":" + finding.get("location").get("line").asInt());
                assertTrue(!finding.get("suppressed").isNull(), finding.toString());
                assertEquals("bucket-only role, reviewed", finding.get("suppressed").get("reason").asText(), finding.toString());
            }
        }
        assertEquals(1, rp302, cli.out());
    }

    @Test
    void varFilesAndVarsSetRootVariables() throws IOException {
        Files.writeString(dir.resolve("main.tf"), """
                variable "execution_role" {}
                variable "families" {
                  type = list(string)
                }
                resource "aws_ecs_task_definition" "t" {
                  for_each           = toset(var.families)
                  family             = each.key
                  execution_role_arn = var.execution_role
                }
                """);
        Path varFile = dir.resolve("prod.tfvars");
        Files.writeString(varFile, "execution_role = \"arn:aws:iam::123456789012:role/from-file\"\nfamilies = [\"x\"]\n");
        Cli cli = Cli.run("check", dir.toString(), "--var-file", varFile.toString(),
                "--var", "families=[\"a\", \"b\"]", "--fail-on", "never");
        assertEquals(0, cli.code(), cli.err());
        assertTrue(cli.out().contains("aws_ecs_task_definition.t[\"a\"]  (family a)"), cli.out());
        assertTrue(cli.out().contains("aws_ecs_task_definition.t[\"b\"]  (family b)"), cli.out());
        assertTrue(cli.out().contains("arn:aws:iam::123456789012:role/from-file  external"), cli.out());
    }

    @Test
    void aServiceModuleInTheShapeOfTerraformAwsModulesLinksEveryRoleAndPolicy() throws IOException {
        Cli cli = Cli.run("check", "testdata/hcl/scenarios/service-module", "--format", "json", "--fail-on", "never");
        assertEquals(0, cli.code(), cli.err());
        com.fasterxml.jackson.databind.JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(cli.out());
        assertEquals(0, report.get("notices").size(), report.get("notices").toString());
        com.fasterxml.jackson.databind.JsonNode td = report.get("task_definitions").get(0);
        assertEquals("module.api.aws_ecs_task_definition.this[0]", td.get("address").asText());
        assertEquals("{\"status\":\"resolved\",\"address\":\"module.api.aws_iam_role.task_exec[0]\",\"arn\":null,\"reason\":null,"
                + "\"policies\":[\"arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess\","
                + "\"arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy\"]}", td.get("execution_role").toString());
        assertEquals("{\"status\":\"resolved\",\"address\":\"module.api.aws_iam_role.tasks[0]\",\"arn\":null,\"reason\":null,"
                + "\"policies\":[\"module.api.aws_iam_role_policy.tasks[0]\"]}", td.get("task_role").toString());
        assertEquals("modules/service/main.tf:49", td.get("location").get("file").asText() + ":" + td.get("location").get("line").asInt());
    }

    @Test
    void aRoleArnBuiltFromTheCallerAccountAndAKnownNameFindsTheRole() throws IOException {
        Files.writeString(dir.resolve("main.tf"), """
                data "aws_caller_identity" "current" {}
                resource "aws_iam_role" "task" {
                  name = "app-task"
                  assume_role_policy = "{}"
                }
                resource "aws_ecs_task_definition" "t" {
                  family             = "t"
                  task_role_arn      = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/${aws_iam_role.task.name}"
                  execution_role_arn = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/elsewhere"
                }
                """);
        Cli cli = Cli.run("check", dir.toString(), "--fail-on", "never");
        assertEquals(0, cli.code(), cli.err());
        assertTrue(cli.out().contains("task role       aws_iam_role.task  resolved"), cli.out());
        assertTrue(cli.out().contains("execution role  arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/elsewhere  external"),
                cli.out());
    }

    @Test
    void inlinePolicyBlocksAndManagedPolicyArnsReachTheRole() throws IOException {
        Files.writeString(dir.resolve("main.tf"), """
                resource "aws_iam_policy" "extra" {
                  name   = "extra"
                  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sqs:SendMessage", Resource = "*" }] })
                }
                resource "aws_iam_role" "task" {
                  name                = "app-task"
                  assume_role_policy  = "{}"
                  managed_policy_arns = [aws_iam_policy.extra.arn]
                  inline_policy {
                    name   = "inline"
                    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })
                  }
                }
                resource "aws_ecs_task_definition" "t" {
                  family        = "t"
                  task_role_arn = aws_iam_role.task.arn
                }
                """);
        Cli cli = Cli.run("check", dir.toString(), "--format", "json", "--fail-on", "never");
        assertEquals(0, cli.code(), cli.err());
        com.fasterxml.jackson.databind.JsonNode role = new com.fasterxml.jackson.databind.ObjectMapper().readTree(cli.out())
                .get("task_definitions").get(0).get("task_role");
        assertEquals("[\"aws_iam_role.task.inline_policy[\\\"inline\\\"]\",\"aws_iam_policy.extra\"]", role.get("policies").toString());
    }

    @Test
    void sensitiveNumbersAndWhatFunctionsMakeOfSecretsAreRedactedFromEveryFormat() throws IOException {
        Files.writeString(dir.resolve("main.tf"), """
                variable "pin" {
                  type      = number
                  sensitive = true
                  default   = 482913
                }
                variable "token" {
                  sensitive = true
                  default   = "s3cr3t-token"
                }
                resource "aws_ecs_task_definition" "pin" {
                  family = "fam-${var.pin}"
                }
                resource "aws_ecs_task_definition" "token" {
                  family = upper(var.token)
                }
                """);
        for (String format : List.of("text", "json", "markdown", "sarif", "junit")) {
            Cli cli = Cli.run("check", dir.toString(), "--format", format, "--fail-on", "never");
            assertEquals(0, cli.code(), cli.err());
            assertFalse(cli.out().contains("482913"), cli.out());
            assertFalse(cli.out().contains("S3CR3T-TOKEN"), cli.out());
        }
        Cli text = Cli.run("check", dir.toString(), "--fail-on", "never");
        assertTrue(text.out().contains("(family fam-(sensitive value))"), text.out());
        assertTrue(text.out().contains("(family (sensitive value))"), text.out());
    }

    @Test
    void aVarWithoutValueIsAUsageError() throws IOException {
        Files.writeString(dir.resolve("main.tf"), "variable \"x\" {}\n");
        Cli cli = Cli.run("check", dir.toString(), "--var", "x");
        assertEquals(2, cli.code());
        assertEquals("roleplan: --var takes NAME=VALUE; the 1st --var has no NAME= before its value\n", cli.err());
    }

    /** A value given without its NAME= may be a bare secret: the message names the --var by position only. */
    @Test
    void aVarWithoutNameIsNotEchoed() throws IOException {
        Files.writeString(dir.resolve("main.tf"), "variable \"x\" {}\n");
        Cli cli = Cli.run("check", dir.toString(), "--var", "x=1", "--var", "hunter2-s3cr3t");
        assertEquals(2, cli.code());
        assertEquals("roleplan: --var takes NAME=VALUE; the 2nd --var has no NAME= before its value\n", cli.err());
        assertFalse(cli.err().contains("hunter2"), cli.err());
    }
    @Test
    void aFileOfTheTreeOverMaxInputSizeExitsThreeWithOneLineNamingIt() throws IOException {
        Files.writeString(dir.resolve("main.tf"), "variable \"name\" {}\n");
        Path big = dir.resolve("big.tf");
        Files.writeString(big, "# " + "x".repeat(1500) + "\n");
        Cli cli = Cli.run("check", dir.toString(), "--max-input-size", "1k");
        assertEquals(3, cli.code(), cli.err());
        assertEquals("", cli.out());
        assertEquals("roleplan: cannot read " + big + ": refused: 1503 bytes is larger than the maximum input size of 1k "
                + "(--max-input-size)\n", cli.err());

        Files.delete(big);
        Path varFile = dir.resolve("prod.tfvars");
        Files.writeString(varFile, "name = \"" + "x".repeat(2000) + "\"\n");
        cli = Cli.run("check", dir.toString(), "--var-file", varFile.toString(), "--max-input-size", "1k");
        assertEquals(3, cli.code(), cli.err());
        assertEquals("roleplan: cannot read " + varFile + ": refused: 2010 bytes is larger than the maximum input size of 1k "
                + "(--max-input-size)\n", cli.err());
    }

    @Test
    void limitsAndVariablesComposeInEitherOrder() throws IOException {
        Files.writeString(dir.resolve("main.tf"), "variable \"name\" {}\n");
        Path varFile = dir.resolve("prod.tfvars");
        Files.writeString(varFile, "name = \"" + "x".repeat(2000) + "\"\n");
        InputLimits limits = InputLimits.defaults().withMaxInputBytes(1024);
        Analyzer analyzer = Wiring.analyzer();
        for (Analyzer composed : List.of(
                analyzer.withLimits(limits).withVariables(List.of(varFile), List.of()),
                analyzer.withVariables(List.of(varFile), List.of()).withLimits(limits))) {
            InputException e = assertThrows(InputException.class, () -> composed.read(dir.toString(), null));
            assertEquals(varFile.toString(), e.file());
        }
    }
}
