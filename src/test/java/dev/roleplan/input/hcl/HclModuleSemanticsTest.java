package dev.roleplan.input.hcl;

import dev.roleplan.model.Address;
import dev.roleplan.model.Infrastructure;
import dev.roleplan.model.Reference;
import dev.roleplan.model.Resource;
import dev.roleplan.model.SourceLocation;
import dev.roleplan.model.UnknownValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.roleplan.input.hcl.Infra.addresses;
import static dev.roleplan.input.hcl.Infra.notices;
import static dev.roleplan.input.hcl.Infra.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Terraform semantics that published modules (terraform-aws-modules/ecs and its examples) rely on, each
 * reproduced in a few project-written lines.
 */
class HclModuleSemanticsTest {

    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        Infra.write(dir, name, text);
    }

    private Infrastructure read(String sub) {
        return new HclReader().read(dir.resolve(sub));
    }

    private static final String SHARED_MODULE = """
            variable "name" {}
            resource "aws_iam_role" "r" {
              name               = var.name
              assume_role_policy = file("${path.module}/trust.json")
            }
            """;

    @Test
    void localModulesElsewhereInTheRepositoryAreFollowedAsFromACheckout() throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        write("examples/app/main.tf", "module \"m\" {\n  source = \"../../modules/shared\"\n  name   = \"app\"\n}\n");
        write("modules/shared/main.tf", SHARED_MODULE);
        write("modules/shared/trust.json", "{\"Version\":\"2012-10-17\",\"Statement\":[]}");
        Infrastructure infrastructure = read("examples/app");
        Resource role = resource(infrastructure, "module.m.aws_iam_role.r");
        assertEquals("app", role.value("name"));
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[]}", role.value("assume_role_policy"));
        assertEquals("../../modules/shared/main.tf:2", role.location().toString());
        assertEquals(List.of(), notices(infrastructure));
    }

    @Test
    void withoutARepositoryLocalModulesOutsideTheScannedDirectoryAreANotice() throws IOException {
        write("examples/app/main.tf", "module \"m\" {\n  source = \"../../modules/shared\"\n  name   = \"app\"\n}\n");
        write("modules/shared/main.tf", SHARED_MODULE);
        Infrastructure infrastructure = read("examples/app");
        assertEquals(List.of(), addresses(infrastructure));
        assertEquals(List.of("module.m: source \"../../modules/shared\" is outside the scanned directory; not analysed"),
                notices(infrastructure));
    }

    @Test
    void modulesAndFilesOutsideTheRepositoryAreStillNotRead() throws IOException {
        Files.createDirectories(dir.resolve("repo/.git"));
        write("repo/app/main.tf", """
                module "m" {
                  source = "../../elsewhere"
                }
                resource "aws_iam_policy" "p" {
                  policy = file("../../secret.json")
                }
                """);
        write("elsewhere/main.tf", "resource \"aws_iam_role\" \"r\" {\n  name = \"x\"\n}\n");
        write("secret.json", "{}");
        Infrastructure infrastructure = read("repo/app");
        assertEquals(List.of("aws_iam_policy.p"), addresses(infrastructure));
        assertInstanceOf(UnknownValue.class, resource(infrastructure, "aws_iam_policy.p").value("policy"));
        assertEquals(List.of(
                "module.m: source \"../../elsewhere\" is outside the repository; not analysed",
                "file(\"../../secret.json\") reads outside the repository; its value is unknown"), notices(infrastructure));
    }

    @Test
    void aModuleDirectoryThatLinksOrPointsOutsideIsNotRead() throws IOException {
        Files.createDirectories(dir.resolve("repo/.git"));
        write("outside/main.tf", "resource \"aws_iam_role\" \"r\" {\n  name = \"x\"\n}\n");
        Files.createDirectories(dir.resolve("repo/app/modules"));
        Files.createSymbolicLink(dir.resolve("repo/app/modules/linked"), dir.resolve("outside"));
        write("repo/app/main.tf", """
                module "linked" {
                  source = "./modules/linked"
                }
                module "registry" {
                  source = "example/hostile/aws"
                }
                """);
        // a modules.json committed with the change must not send roleplan out of the repository either
        write("repo/app/.terraform/modules/modules.json", """
                {"Modules":[{"Key":"","Source":"","Dir":"."},
                 {"Key":"registry","Source":"registry.terraform.io/example/hostile/aws","Version":"1.0.0","Dir":"../../outside"}]}
                """);
        Infrastructure infrastructure = read("repo/app");
        assertEquals(List.of(), addresses(infrastructure));
        assertEquals(List.of(
                "module.linked: module directory for source \"./modules/linked\" is outside the repository; not analysed",
                "module.registry: module directory for source \"example/hostile/aws\" is outside the repository; not analysed"),
                notices(infrastructure));
    }

    @Test
    void aFileThatLinksOutsideIsNotReadButOneThatLinksInsideIs() throws IOException {
        Files.createDirectories(dir.resolve("repo/.git"));
        write("outside/secret.json", "{}");
        write("repo/shared/policy.json", "{\"Statement\":[]}");
        Files.createDirectories(dir.resolve("repo/app"));
        Files.createSymbolicLink(dir.resolve("repo/app/secret.json"), dir.resolve("outside/secret.json"));
        Files.createSymbolicLink(dir.resolve("repo/app/policy.json"), dir.resolve("repo/shared/policy.json"));
        write("repo/app/main.tf", """
                resource "aws_iam_policy" "outside" {
                  name   = "o"
                  policy = file("secret.json")
                }
                resource "aws_iam_policy" "inside" {
                  name   = "i"
                  policy = file("policy.json")
                }
                """);
        Infrastructure infrastructure = read("repo/app");
        assertInstanceOf(UnknownValue.class, resource(infrastructure, "aws_iam_policy.outside").value("policy"));
        assertEquals("{\"Statement\":[]}", resource(infrastructure, "aws_iam_policy.inside").value("policy"));
        assertEquals(List.of("file(\"secret.json\") leads outside the repository; its value is unknown"),
                notices(infrastructure));
    }

    @Test
    void aHomeDirectoryKeptInGitIsNotARepositoryBoundary() throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        Files.createDirectories(dir.resolve("projects/app"));
        assertEquals(new Boundary(dir.resolve("projects/app"), false), Boundary.of(dir.resolve("projects/app"), dir));
        assertEquals(new Boundary(dir, true), Boundary.of(dir.resolve("projects/app"), dir.resolve("elsewhere")));
    }

    @Test
    void anAttributeConfiguredAsNullIsComputedLikeAnUnsetOne() throws IOException {
        write("main.tf", """
                variable "use_prefix" { default = true }
                resource "aws_iam_role" "r" {
                  name        = var.use_prefix ? null : "fixed"
                  name_prefix = var.use_prefix ? "app-" : null
                }
                resource "aws_iam_role_policy_attachment" "a" {
                  role       = aws_iam_role.r.name
                  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
                }
                """);
        UnknownValue role = assertInstanceOf(UnknownValue.class,
                resource(read("."), "aws_iam_role_policy_attachment.a").value("role"));
        assertEquals(List.of(new Reference(Address.of("aws_iam_role.r"), "name")), role.references());
    }

    @Test
    void nullGivenToANonNullableVariableTakesItsDefault() throws IOException {
        write("main.tf", """
                module "logs" {
                  source = "./logs"
                  create = null
                  tags   = null
                }
                """);
        write("logs/main.tf", """
                variable "create" {
                  type     = bool
                  default  = true
                  nullable = false
                }
                variable "tags" {
                  type    = map(string)
                  default = { team = "a" }
                }
                resource "aws_cloudwatch_log_group" "g" {
                  count = var.create ? 1 : 0
                  name  = "g"
                  tags  = var.tags
                }
                """);
        Infrastructure infrastructure = read(".");
        assertEquals(List.of("module.logs.aws_cloudwatch_log_group.g[0]"), addresses(infrastructure));
        // tags is nullable (the default): the null given stays null, as in Terraform.
        assertNull(resource(infrastructure, "module.logs.aws_cloudwatch_log_group.g[0]").value("tags"));
        assertEquals(List.of(), notices(infrastructure));
    }

    @Test
    void pathCwdIsTheScannedDirectoryAsAnAbsolutePath() throws IOException {
        write("fargate/main.tf", """
                resource "aws_ecs_task_definition" "t" {
                  family = "ex-${basename(path.cwd)}"
                }
                """);
        assertEquals("ex-fargate", resource(read("fargate"), "aws_ecs_task_definition.t").value("family"));
    }

    @Test
    void anArgumentTheCalledModuleDoesNotDeclareIsANotice() throws IOException {
        write("main.tf", """
                module "m" {
                  source  = "./m"
                  name    = "app"
                  nmae    = "typo"
                }
                """);
        write("m/main.tf", "variable \"name\" {}\nresource \"aws_iam_role\" \"r\" {\n  name = var.name\n}\n");
        Infrastructure infrastructure = read(".");
        assertEquals("app", resource(infrastructure, "module.m.aws_iam_role.r").value("name"));
        assertEquals(List.of("module.m: argument \"nmae\" (main.tf:4) is not a variable of m; terraform would refuse it, "
                + "roleplan ignores it"), notices(infrastructure));
    }

    @Test
    void attributesTheProviderAlwaysSetsCompareWithNullAsInTerraform() throws IOException {
        write("main.tf", """
                data "aws_ssm_parameter" "image" {
                  name = "/images/router"
                }
                data "aws_vpc" "main" {
                  id = "vpc-1"
                }
                resource "aws_iam_role" "r" {
                  name = "r"
                }
                locals {
                  definition = { image = data.aws_ssm_parameter.image.value, user = null }
                  trimmed    = { for k, v in local.definition : k => v if v != null }
                }
                resource "aws_ecs_task_definition" "t" {
                  family                = "t"
                  container_definitions = jsonencode([local.trimmed])
                  task_role_arn         = aws_iam_role.r.arn != null ? aws_iam_role.r.arn : "none"
                  execution_role_arn    = data.aws_vpc.main.cidr_block != null ? "yes" : "no"
                }
                """);
        Resource td = resource(read("."), "aws_ecs_task_definition.t");
        assertEquals("[{\"image\":\"${data.aws_ssm_parameter.image.value}\"}]", td.value("container_definitions"));
        assertEquals(List.of(new Reference(Address.of("aws_iam_role.r"), "arn")),
                assertInstanceOf(UnknownValue.class, td.value("task_role_arn")).references());
        // an attribute a provider may leave null stays unknown when compared with null
        assertInstanceOf(UnknownValue.class, td.value("execution_role_arn"));
    }

    @Test
    void aStatementAModuleBuildsFromItsCallersListIsPlacedInTheCallersFile() throws IOException {
        write("main.tf", """
                module "svc" {
                  source = "./svc"
                  statements = [
                    {
                      actions   = ["s3:GetObject"]
                      resources = ["*"]
                    },
                  ]
                }
                """);
        write("svc/main.tf", """
                variable "statements" {
                  type = list(object({
                    actions   = list(string)
                    resources = optional(list(string), ["*"])
                  }))
                }
                data "aws_iam_policy_document" "d" {
                  statement {
                    actions   = ["logs:PutLogEvents"]
                    resources = ["*"]
                  }
                  dynamic "statement" {
                    for_each = var.statements
                    content {
                      actions   = statement.value.actions
                      resources = statement.value.resources
                    }
                  }
                  dynamic "statement" {
                    for_each = ["fixed"]
                    content {
                      actions   = ["s3:ListBucket"]
                      resources = ["*"]
                    }
                  }
                }
                """);
        Infrastructure infrastructure = read(".");
        String json = (String) resource(infrastructure, "module.svc.data.aws_iam_policy_document.d").value("json");
        assertEquals(List.of(new SourceLocation("svc/main.tf", 8), new SourceLocation("main.tf", 4),
                new SourceLocation("svc/main.tf", 21)), infrastructure.statementLocations().get(json));
    }

    @Test
    void overrideFilesMergeIntoTheBlocksTheyName() throws IOException {
        write("main.tf", """
                resource "aws_iam_role" "task" {
                  name = "task"
                }
                data "aws_iam_policy_document" "d" {
                  statement {
                    actions   = ["s3:*"]
                    resources = ["*"]
                  }
                }
                resource "aws_ecs_task_definition" "t" {
                  family        = "t"
                  task_role_arn = aws_iam_role.task.arn
                }
                """);
        write("main_override.tf", """
                resource "aws_ecs_task_definition" "t" {
                  family = "overridden"
                }
                data "aws_iam_policy_document" "d" {
                  statement {
                    actions   = ["s3:GetObject"]
                    resources = ["arn:aws:s3:::b/*"]
                  }
                }
                resource "aws_iam_role" "missing" {
                  name = "x"
                }
                """);
        Infrastructure infrastructure = read(".");
        Resource td = resource(infrastructure, "aws_ecs_task_definition.t");
        assertEquals("overridden", td.value("family"));
        assertEquals(List.of(new Reference(Address.of("aws_iam_role.task"), "arn")),
                assertInstanceOf(UnknownValue.class, td.value("task_role_arn")).references());
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::b/*\"}]}", resource(infrastructure, "data.aws_iam_policy_document.d").value("json"));
        assertEquals(List.of("main_override.tf:10: resource \"aws_iam_role\" \"missing\" overrides nothing (no such block in "
                + "the other files); terraform refuses this, roleplan ignores it"), notices(infrastructure));
    }

    @Test
    void aDuplicateBlockIsANoticeAndTheFirstIsKept() throws IOException {
        write("a.tf", "resource \"aws_iam_role\" \"r\" {\n  name = \"first\"\n}\nlocals {\n  x = 1\n}\n");
        write("b.tf", "resource \"aws_iam_role\" \"r\" {\n  name = \"second\"\n}\nlocals {\n  x = 2\n}\n");
        Infrastructure infrastructure = read(".");
        assertEquals("first", resource(infrastructure, "aws_iam_role.r").value("name"));
        assertEquals(List.of(
                "b.tf:1: resource \"aws_iam_role\" \"r\" is already defined at a.tf:1; terraform refuses a duplicate, roleplan keeps the first",
                "b.tf:5: local.x is already defined at a.tf:5; terraform refuses a duplicate, roleplan keeps the first"),
                notices(infrastructure));
    }

    @Test
    void theRegionDataSourceAnswersWithTheRegionItIsGivenOrTheProviders() throws IOException {
        write("main.tf", """
                data "aws_region" "given" {
                  region = "us-east-1"
                }
                data "aws_region" "default" {
                }
                resource "aws_ecs_task_definition" "t" {
                  family             = "${data.aws_region.given.region}-${data.aws_region.given.name}"
                  execution_role_arn = data.aws_region.default.region
                }
                """);
        Resource td = resource(read("."), "aws_ecs_task_definition.t");
        assertEquals("us-east-1-us-east-1", td.value("family"));
        assertEquals(List.of(new Reference(Address.of("data.aws_region.default"), "region")),
                assertInstanceOf(UnknownValue.class, td.value("execution_role_arn")).references());
    }
}
