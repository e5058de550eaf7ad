package dev.roleplan.input.hcl;

import dev.roleplan.input.InputException;
import dev.roleplan.model.Address;
import dev.roleplan.model.Infrastructure;
import dev.roleplan.model.Reference;
import dev.roleplan.model.Resource;
import dev.roleplan.model.UnknownValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.roleplan.input.hcl.Infra.addresses;
import static dev.roleplan.input.hcl.Infra.notices;
import static dev.roleplan.input.hcl.Infra.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HclReaderTest {

    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        Infra.write(dir, name, text);
    }

    private Infrastructure read() {
        return new HclReader().read(dir);
    }

    @Test
    void countAndForEachInstancesAreAddressedAsTerraformPrintsThem() throws IOException {
        write("main.tf", """
                resource "aws_iam_role" "r" {
                  count = 2
                  name  = "role-${count.index}"
                }
                module "svc" {
                  source   = "./svc"
                  for_each = { b = 1, a = 2 }
                  role     = aws_iam_role.r[each.value - 1].arn
                }
                """);
        write("svc/main.tf", """
                variable "role" {}
                resource "aws_ecs_task_definition" "t" {
                  family             = "x"
                  execution_role_arn = var.role
                }
                """);
        Infrastructure infrastructure = read();
        assertEquals(List.of("aws_iam_role.r[0]", "aws_iam_role.r[1]",
                "module.svc[\"a\"].aws_ecs_task_definition.t", "module.svc[\"b\"].aws_ecs_task_definition.t"),
                addresses(infrastructure));
        assertEquals("role-1", resource(infrastructure, "aws_iam_role.r[1]").value("name"));
        UnknownValue arn = assertInstanceOf(UnknownValue.class,
                resource(infrastructure, "module.svc[\"a\"].aws_ecs_task_definition.t").value("execution_role_arn"));
        assertEquals(List.of(new Reference(Address.of("aws_iam_role.r[1]"), "arn")), arn.references());
        assertEquals(List.of(new Reference(Address.of("aws_iam_role.r[0]"), "arn")),
                resource(infrastructure, "module.svc[\"b\"].aws_ecs_task_definition.t").referencesOf("execution_role_arn"));
    }

    @Test
    void resourcesCarryTheirFileAndLine() throws IOException {
        write("iam.tf", "\n\nresource \"aws_iam_role\" \"r\" {\n  name = \"x\"\n}\n");
        Resource role = resource(read(), "aws_iam_role.r");
        assertEquals("iam.tf:3", role.location().toString());
    }

    @Test
    void jsonencodeKeepsKnownPartsAndWritesUnknownStringsAsReferences() throws IOException {
        write("main.tf", """
                resource "aws_s3_bucket" "b" {}
                resource "aws_iam_policy" "p" {
                  name = "p"
                  policy = jsonencode({
                    Version = "2012-10-17"
                    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "${aws_s3_bucket.b.arn}/<x>&" }]
                  })
                }
                """);
        Resource policy = resource(read(), "aws_iam_policy.p");
        assertEquals("{\"Statement\":[{\"Action\":[\"s3:GetObject\"],\"Effect\":\"Allow\","
                + "\"Resource\":\"${aws_s3_bucket.b.arn}/\\u003cx\\u003e\\u0026\"}],\"Version\":\"2012-10-17\"}",
                policy.value("policy"));
    }

    @Test
    void policyDocumentDataIsRenderedFromStatementBlocks() throws IOException {
        write("main.tf", """
                locals { services = ["ecs-tasks.amazonaws.com"] }
                data "aws_iam_policy_document" "d" {
                  statement {
                    sid     = "One"
                    actions = ["s3:PutObject", "s3:GetObject"]
                    resources = ["*"]
                    condition {
                      test     = "StringEquals"
                      variable = "aws:SourceAccount"
                      values   = ["123"]
                    }
                  }
                  dynamic "statement" {
                    for_each = local.services
                    content {
                      actions = ["sts:AssumeRole"]
                      principals {
                        type        = "Service"
                        identifiers = [statement.value]
                      }
                    }
                  }
                }
                """);
        Resource document = resource(read(), "data.aws_iam_policy_document.d");
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"One\",\"Effect\":\"Allow\","
                + "\"Action\":[\"s3:GetObject\",\"s3:PutObject\"],\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"123\"}}},"
                + "{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"}}]}",
                document.value("json"));
    }

    @Test
    void sourceAndOverrideDocumentsMergeBySid() throws IOException {
        write("main.tf", """
                data "aws_iam_policy_document" "d" {
                  source_policy_documents   = [jsonencode({ Statement = [{ Sid = "A", Effect = "Allow", Action = "a:A", Resource = "*" }] })]
                  override_policy_documents = [jsonencode({ Statement = [{ Sid = "B", Effect = "Deny", Action = "b:B", Resource = "*" }] })]
                  statement {
                    sid       = "B"
                    actions   = ["b:Allowed"]
                    resources = ["*"]
                  }
                }
                """);
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":\"a:A\",\"Effect\":\"Allow\",\"Resource\":\"*\",\"Sid\":\"A\"},"
                + "{\"Action\":\"b:B\",\"Effect\":\"Deny\",\"Resource\":\"*\",\"Sid\":\"B\"}]}",
                resource(read(), "data.aws_iam_policy_document.d").value("json"));
    }

    @Test
    void aSourceDocumentThatIsNotAJsonObjectMakesTheDocumentUnknown() throws IOException {
        write("main.tf", """
                data "aws_iam_policy_document" "text" {
                  source_policy_documents = ["not json"]
                }
                data "aws_iam_policy_document" "null" {
                  source_policy_documents = ["null"]
                }
                """);
        Infrastructure infrastructure = read();
        assertEquals("a merged policy document is not a JSON object", assertInstanceOf(UnknownValue.class,
                resource(infrastructure, "data.aws_iam_policy_document.text").value("json")).reason());
        assertEquals("a merged policy document is not a JSON object", assertInstanceOf(UnknownValue.class,
                resource(infrastructure, "data.aws_iam_policy_document.null").value("json")).reason());
    }

    @Test
    void aModuleThatIsNotDownloadedIsANoticeAndItsOutputsAreUnknownNamedReferences() throws IOException {
        write("main.tf", """
                module "roles" {
                  source = "terraform-aws-modules/iam/aws"
                }
                resource "aws_ecs_task_definition" "t" {
                  family        = "x"
                  task_role_arn = module.roles.arn
                }
                """);
        Infrastructure infrastructure = read();
        assertEquals(List.of("module.roles: module source \"terraform-aws-modules/iam/aws\" is not downloaded "
                + "(run terraform init); roles that depend on it are unknown"), notices(infrastructure));
        UnknownValue role = assertInstanceOf(UnknownValue.class, resource(infrastructure, "aws_ecs_task_definition.t").value("task_role_arn"));
        assertEquals(List.of(new Reference(Address.of("module.roles.output.arn"), null)), role.references());
        assertTrue(!role.references().get(0).isFollowable());
    }

    @Test
    void modulesFromModulesJsonAreFollowed() throws IOException {
        write("main.tf", """
                module "roles" {
                  source = "terraform-aws-modules/iam/aws"
                }
                """);
        write(".terraform/modules/modules.json",
                "{\"Modules\":[{\"Key\":\"\",\"Source\":\"\",\"Dir\":\".\"},{\"Key\":\"roles\",\"Source\":\"x\",\"Dir\":\".terraform/modules/roles\"}]}");
        write(".terraform/modules/roles/main.tf", "resource \"aws_iam_role\" \"r\" {\n  name = \"from-registry\"\n}\n");
        Resource role = resource(read(), "module.roles.aws_iam_role.r");
        assertEquals("from-registry", role.value("name"));
        assertEquals(".terraform/modules/roles/main.tf:1", role.location().toString());
    }

    @Test
    void variablesComeFromTfvarsThenAutoTfvarsThenDefaults() throws IOException {
        write("main.tf", """
                variable "a" { default = "default-a" }
                variable "b" { default = "default-b" }
                variable "c" { default = "default-c" }
                variable "unset" {}
                resource "aws_iam_role" "r" {
                  name        = "${var.a}/${var.b}/${var.c}"
                  description = var.unset
                }
                """);
        write("terraform.tfvars", "a = \"tfvars-a\"\nb = \"tfvars-b\"\n");
        write("x.auto.tfvars", "b = \"auto-b\"\n");
        Resource role = resource(read(), "aws_iam_role.r");
        assertEquals("tfvars-a/auto-b/default-c", role.value("name"));
        UnknownValue unset = assertInstanceOf(UnknownValue.class, role.value("description"));
        assertEquals(List.of(new Reference(Address.of("var.unset"), null)), unset.references());
    }

    @Test
    // without the bound this would build 10^8 instances: the timeout fails it long before memory runs out
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void countAndForEachStopAtTenThousandInstancesWithANotice() throws IOException {
        write("main.tf", """
                resource "aws_iam_role" "counted" {
                  count = 100000000
                  name  = "r-${count.index}"
                }
                resource "aws_iam_role" "each" {
                  for_each = toset(flatten([for a in range(11) : [for b in range(1000) : format("%02d-%03d", a, b)]]))
                  name     = each.key
                }
                """);
        Infrastructure infrastructure = read();
        List<String> addresses = addresses(infrastructure);
        assertEquals(10_000, addresses.stream().filter(a -> a.startsWith("aws_iam_role.counted[")).count());
        assertTrue(addresses.contains("aws_iam_role.counted[9999]"));
        assertEquals(10_000, addresses.stream().filter(a -> a.startsWith("aws_iam_role.each[")).count());
        assertTrue(addresses.contains("aws_iam_role.each[\"09-999\"]"));
        assertFalse(addresses.contains("aws_iam_role.each[\"10-000\"]"));
        assertEquals(List.of(
                "aws_iam_role.counted: count is 100000000; only the first 10000 instances are analysed",
                "aws_iam_role.each: for_each has 11000 elements; only the first 10000 (in key order) are analysed"),
                notices(infrastructure));
    }

    @Test
    void nestedCountsShareOneBudgetOfInstancesAndTheBlockThatRunsOutIsNamed() throws IOException {
        // 5 module instances x 4 roles each: 20 instances of the resource's count, plus the module call's 5
        write("main.tf", """
                module "svc" {
                  source = "./svc"
                  count  = 5
                  index  = count.index
                }
                """);
        write("svc/main.tf", """
                variable "index" {}
                resource "aws_iam_role" "r" {
                  count = 4
                  name  = "svc-${var.index}-${count.index}"
                }
                """);
        Infrastructure all = new HclReader().withInstanceBudget(25).read(dir);
        assertEquals(20, addresses(all).stream().filter(a -> a.contains("aws_iam_role.r[")).count());
        assertEquals(List.of(), notices(all));

        Infrastructure capped = new HclReader().withInstanceBudget(15).read(dir);
        List<String> roles = addresses(capped).stream().filter(a -> a.contains("aws_iam_role.r[")).toList();
        // the 5 module instances take 5 of the 15; svc[0] and svc[1] get 4 roles each, svc[2] the last 2
        assertEquals(10, roles.size());
        assertTrue(roles.contains("module.svc[2].aws_iam_role.r[1]"));
        assertFalse(roles.contains("module.svc[2].aws_iam_role.r[2]"));
        assertFalse(roles.stream().anyMatch(a -> a.startsWith("module.svc[3]")));
        assertEquals(List.of("count and for_each make more than 15 instances in the whole configuration: 10 instances "
                + "of 3 blocks are not analysed, from module.svc[2].aws_iam_role.r on"), notices(capped));
    }

    @Test
    @Timeout(60)
    void blocksAfterTheBudgetIsSpentBuildNoInstances() throws IOException {
        // each block once built its 10,000 instances and only then lost them to the spent budget: 500 blocks were
        // 5 million instances (over a gigabyte allocated) built for nothing
        StringBuilder tf = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            tf.append("resource \"aws_iam_role\" \"r").append(i).append("\" {\n  count = 10000\n  name  = \"r-${count.index}\"\n}\n");
        }
        write("main.tf", tf.toString());
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        Infrastructure infrastructure = new HclReader().withInstanceBudget(3).read(dir);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(List.of("aws_iam_role.r0[0]", "aws_iam_role.r0[1]", "aws_iam_role.r0[2]"), addresses(infrastructure));
        assertEquals(List.of("count and for_each make more than 3 instances in the whole configuration: 4999997 instances "
                + "of 500 blocks are not analysed, from aws_iam_role.r0 on"), notices(infrastructure));
        assertTrue(allocated < 200_000_000L, allocated + " bytes allocated");
    }

    @Test
    void thePartitionFollowsTheProviderRegion() throws IOException {
        for (String[] regionPartitionSuffix : new String[][] {
                {"eu-west-1", "aws", "amazonaws.com"},
                {"cn-north-1", "aws-cn", "amazonaws.com.cn"},
                {"us-gov-west-1", "aws-us-gov", "amazonaws.com"}}) {
            write("main.tf", "provider \"aws\" {\n  region = \"" + regionPartitionSuffix[0] + "\"\n}\n"
                    + "data \"aws_partition\" \"current\" {}\n");
            Infrastructure infrastructure = read();
            Resource partition = resource(infrastructure, "data.aws_partition.current");
            assertEquals(regionPartitionSuffix[1], partition.value("partition"));
            assertEquals(regionPartitionSuffix[2], partition.value("dns_suffix"));
            assertEquals(dev.roleplan.model.Value.known(regionPartitionSuffix[1]), infrastructure.context().partition());
        }
        write("main.tf", "data \"aws_partition\" \"current\" {}\n");
        assertEquals(dev.roleplan.model.Value.absent(), read().context().partition());
    }

    @Test
    void localModuleCyclesAreNotFollowed() throws IOException {
        write("main.tf", "module \"self\" {\n  source = \"./\"\n}\nresource \"aws_iam_role\" \"r\" {\n  name = \"x\"\n}\n");
        Infrastructure infrastructure = read();
        assertEquals(List.of("aws_iam_role.r"), addresses(infrastructure));
        assertEquals(List.of("module.self: module source \"./\" calls itself; the cycle is not followed"), notices(infrastructure));
    }

    @Test
    void sensitiveVariablesAreCollected() throws IOException {
        write("main.tf", "variable \"token\" {\n  sensitive = true\n  default = \"s3cr3t\"\n}\n"
                + "resource \"aws_ecs_task_definition\" \"t\" {\n  family = var.token\n}\n");
        assertEquals(java.util.Set.of("s3cr3t"), read().sensitiveValues());
    }

    @Test
    void aSensitiveNumberIsCollectedAsTheTextItPrintsAs() throws IOException {
        write("main.tf", "variable \"pin\" {\n  type = number\n  sensitive = true\n  default = 4829.10\n}\n"
                + "resource \"aws_ecs_task_definition\" \"t\" {\n  family = \"f-${var.pin}\"\n}\n");
        Infrastructure infrastructure = read();
        assertEquals("f-4829.1", resource(infrastructure, "aws_ecs_task_definition.t").value("family"));
        assertEquals(java.util.Set.of("4829.1"), infrastructure.sensitiveValues());
    }

    @Test
    void whatAFunctionMakesOfASensitiveValueIsSensitiveButWhatItPassesThroughIsNot() throws IOException {
        write("main.tf", """
                variable "token" {
                  sensitive = true
                  default   = "s3cr3t"
                }
                locals {
                  tags = merge({ team = "platform" }, { token = var.token })
                }
                resource "aws_ecs_task_definition" "t" {
                  family = join("-", [upper(var.token), local.tags.team])
                  tags   = local.tags
                }
                resource "aws_iam_role" "plain" {
                  name = upper("not-secret")
                }
                """);
        assertEquals(java.util.Set.of("s3cr3t", "S3CR3T", "S3CR3T-platform"), read().sensitiveValues());
    }

    @Test
    void aFunctionErrorFromTheJdkIsNamedByItsClassNotByItsMessage() throws IOException {
        // PatternSyntaxException's message quotes the expression, and the expression may hold a secret
        write("main.tf", """
                resource "aws_iam_role" "r" {
                  name        = replace("x", "/(s3cr3t/", "y")
                  description = one(["a", "b"])
                }
                """);
        Resource role = resource(read(), "aws_iam_role.r");
        String regexError = assertInstanceOf(UnknownValue.class, role.value("name")).reason();
        assertTrue(regexError.endsWith(": PatternSyntaxException"), regexError);
        assertFalse(regexError.contains("s3cr3t"), regexError);
        String ownError = assertInstanceOf(UnknownValue.class, role.value("description")).reason();
        assertTrue(ownError.endsWith(": one: the list has 2 elements"), ownError);
    }

    @Test
    void aMalformedVarIsRefusedWithoutRepeatingIt() {
        InputException e = assertThrows(InputException.class,
                () -> new HclReader(List.of(), List.of("region=eu-west-1", "s3cr3t")));
        assertEquals("--var (argument 2): expected NAME=VALUE", e.getMessage());
        e = assertThrows(InputException.class, () -> new HclReader(List.of(), List.of("=s3cr3t")));
        assertEquals("--var (argument 1): expected NAME=VALUE", e.getMessage());
    }

    @Test
    void fileOutsideTheTreeIsUnknownWithANotice() throws IOException {
        write("main.tf", "resource \"aws_iam_policy\" \"p\" {\n  name = \"p\"\n  policy = file(\"../secret.json\")\n}\n");
        Infrastructure infrastructure = read();
        assertInstanceOf(UnknownValue.class, resource(infrastructure, "aws_iam_policy.p").value("policy"));
        assertEquals(List.of("file(\"../secret.json\") reads outside the scanned directory; its value is unknown"),
                notices(infrastructure));
    }

    @Test
    void aFileAFunctionReadsThatIsNotUtf8IsUnknownWithANoticeAndTheReadGoesOn() throws IOException {
        // unlike a configuration file, whose invalid UTF-8 is a syntax error (HclParser.decodeUtf8) that stops the read
        Files.write(dir.resolve("policy.json"), new byte[] {'{', '"', (byte) 0xff, '"', ':', '1', '}'});
        write("main.tf", "resource \"aws_iam_policy\" \"p\" {\n  name = \"p\"\n  policy = file(\"policy.json\")\n}\n");
        Infrastructure infrastructure = read();
        assertInstanceOf(UnknownValue.class, resource(infrastructure, "aws_iam_policy.p").value("policy"));
        assertEquals(List.of("file(\"policy.json\") cannot be read (MalformedInputException); its value is unknown"),
                notices(infrastructure));
    }

    @Test
    void unsupportedFunctionsAreUnknownAndListed() throws IOException {
        write("main.tf", "resource \"aws_iam_role\" \"r\" {\n  name = md5(\"x\")\n  description = uuid()\n}\n");
        Infrastructure infrastructure = read();
        assertInstanceOf(UnknownValue.class, resource(infrastructure, "aws_iam_role.r").value("name"));
        assertEquals(List.of("functions roleplan does not evaluate (their results are treated as unknown): md5, uuid"),
                notices(infrastructure));
    }

    @Test
    void aTemplateFileWithASyntaxErrorIsNoticedWithoutItsText() throws IOException {
        // a template is text: a password holding %{ reads as a directive, and the notice must not repeat it
        write("policy.tpl", "{\"token\": \"ab%{s3cr3tPin}\"}\n");
        write("main.tf", "resource \"aws_iam_policy\" \"p\" {\n  name = \"p\"\n  policy = templatefile(\"policy.tpl\", {})\n}\n");
        Infrastructure infrastructure = read();
        assertInstanceOf(UnknownValue.class, resource(infrastructure, "aws_iam_policy.p").value("policy"));
        assertEquals(List.of("templatefile: policy.tpl:1:16: unknown template directive; expected if, else, endif, for or endfor"),
                notices(infrastructure));
    }

    @Test
    void syntaxErrorsNameFileLineAndColumn() throws IOException {
        write("main.tf", "resource \"aws_iam_role\" \"r\" {\n  name = \n}\n");
        InputException e = assertThrows(InputException.class, this::read);
        assertTrue(e.getMessage().startsWith(dir.resolve("main.tf") + ":2:"), e.getMessage());
    }

    @Test
    void aSyntaxErrorBesideASingleTfFileNamesItsOwnFile() throws IOException {
        write("main.tf", "variable \"region\" {}\n");
        write("terraform.tfvars", "region = \n");
        InputException e = assertThrows(InputException.class, () -> new HclReader().read(dir.resolve("main.tf")));
        assertTrue(e.getMessage().startsWith(dir.resolve("terraform.tfvars") + ":1:"), e.getMessage());
    }

    @Test
    void aSyntaxErrorInAVarFileNamesThatFileAndNotOneOfTheSamePathInTheTree() throws IOException {
        // check infra --var-file prod.tfvars: the var file is relative to the working directory, and the tree may
        // hold a valid file at that same relative path, which the error once named instead
        Path work = Files.createTempDirectory(Path.of("target"), "var-file-");
        try {
            Path relative = Path.of("target").resolve(work.getFileName());
            Path varFile = relative.resolve("prod.tfvars");
            Path infra = relative.resolve("infra");
            Infra.write(infra, "main.tf", "variable \"region\" {}\n");
            Infra.write(infra, varFile.toString(), "region = \"eu-west-1\"\n");
            Infra.write(Path.of(""), varFile.toString(), "region = \n");
            InputException e = assertThrows(InputException.class,
                    () -> new HclReader(List.of(varFile), List.of()).read(infra));
            assertEquals(varFile + ":1:10: expected an expression, found newline", e.getMessage());
        } finally {
            try (var files = Files.walk(work)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void aSyntaxErrorInAVarValueNamesTheVar() throws IOException {
        write("main.tf", "variable \"ports\" {\n  type = list(number)\n}\nresource \"aws_iam_role\" \"r\" {\n  name = \"r-${length(var.ports)}\"\n}\n");
        InputException e = assertThrows(InputException.class, () -> new HclReader(List.of(), List.of("ports=[1, 2")).read(dir));
        assertTrue(e.getMessage().startsWith("--var ports:1:"), e.getMessage());
    }

    @Test
    void invalidUtf8IsRefusedAlikeInEverySyntax() throws IOException {
        byte[] invalid = {'{', '"', (byte) 0xff, '"', ':', '1', '}'};
        write("main.tf", "variable \"x\" {}\n");
        Path varFile = dir.resolve("prod.tfvars.json");
        Files.write(varFile, invalid);
        InputException e = assertThrows(InputException.class, () -> new HclReader(List.of(varFile), List.of()).read(dir));
        assertEquals(varFile + ":1:1: the file is not valid UTF-8", e.getMessage());
        Files.delete(dir.resolve("main.tf"));
        Files.write(dir.resolve("main.tf.json"), invalid);
        e = assertThrows(InputException.class, this::read);
        assertEquals(dir.resolve("main.tf.json") + ":1:1: the file is not valid UTF-8", e.getMessage());
    }

    @Test
    void aDirectoryWithoutTfFilesIsRefused() {
        InputException e = assertThrows(InputException.class, this::read);
        assertEquals(dir + ": is a directory without .tf or .tf.json files; give the directory that holds the root "
                + "module's configuration", e.getMessage());
    }

    @Test
    void containerDefinitionsFromTemplatefileStayKnown() throws IOException {
        write("main.tf", """
                resource "aws_ecs_task_definition" "t" {
                  family                = "x"
                  container_definitions = templatefile("${path.module}/containers.json.tpl", { image = "nginx:1", names = ["a", "b"] })
                }
                """);
        write("containers.json.tpl", "[%{ for n in names }{\"name\": \"${n}\", \"image\": \"${image}\"}%{ if n != \"b\" },%{ endif }%{ endfor }]");
        assertEquals("[{\"name\": \"a\", \"image\": \"nginx:1\"},{\"name\": \"b\", \"image\": \"nginx:1\"}]",
                resource(read(), "aws_ecs_task_definition.t").value("container_definitions"));
    }

    @Test
    void rolesNameIsKnownAndIdRefersToTheRole() throws IOException {
        write("main.tf", """
                resource "aws_iam_role" "r" { name = "exec" }
                resource "aws_iam_role_policy_attachment" "a" {
                  role       = aws_iam_role.r.name
                  policy_arn = "arn:aws:iam::aws:policy/x"
                }
                resource "aws_iam_role_policy" "p" {
                  role   = aws_iam_role.r.id
                  policy = "{}"
                }
                """);
        Infrastructure infrastructure = read();
        assertEquals("exec", resource(infrastructure, "aws_iam_role_policy_attachment.a").value("role"));
        assertEquals(List.of(new Reference(Address.of("aws_iam_role.r"), "id")),
                resource(infrastructure, "aws_iam_role_policy.p").referencesOf("role"));
        Map<String, Object> values = resource(infrastructure, "aws_iam_role.r").values();
        assertInstanceOf(UnknownValue.class, values.get("arn"));
    }

    @Test
    void statementPositionsAreRecordedForPolicyDocuments() throws IOException {
        write("main.tf", """
                data "aws_iam_policy_document" "d" {
                  statement {
                    actions   = ["s3:GetObject"]
                    resources = ["*"]
                  }
                  dynamic "statement" {
                    for_each = ["a"]
                    content {
                      actions   = ["s3:PutObject"]
                      resources = ["*"]
                    }
                  }
                }
                resource "aws_iam_policy" "p" {
                  name = "p"
                  policy = jsonencode({
                    Statement = [
                      { Effect = "Allow", Action = "x:Y", Resource = "*" },
                      {
                        Effect = "Deny", Action = "x:Z", Resource = "*"
                      },
                    ]
                  })
                }
                """);
        Infrastructure infrastructure = read();
        String json = (String) resource(infrastructure, "data.aws_iam_policy_document.d").value("json");
        assertEquals(List.of(new dev.roleplan.model.SourceLocation("main.tf", 2), new dev.roleplan.model.SourceLocation("main.tf", 8)),
                infrastructure.statementLocations().get(json));
        String policy = (String) resource(infrastructure, "aws_iam_policy.p").value("policy");
        assertEquals(List.of(new dev.roleplan.model.SourceLocation("main.tf", 18), new dev.roleplan.model.SourceLocation("main.tf", 19)),
                infrastructure.statementLocations().get(policy));
    }

    @Test
    void jsonConfigurationFilesAreRead() throws IOException {
        write("main.tf.json", """
                {
                  "data": { "aws_iam_policy_document": { "assume": {
                    "statement": [{ "actions": ["sts:AssumeRole"],
                                    "principals": [{ "type": "Service", "identifiers": ["ecs-tasks.amazonaws.com"] }] }]
                  } } },
                  "variable": { "name": { "type": "string", "default": "orders" } },
                  "resource": { "aws_iam_role": { "exec": {
                    "name": "${var.name}-exec",
                    "assume_role_policy": "${data.aws_iam_policy_document.assume.json}"
                  } } },
                  "locals": [{ "a": 1 }]
                }
                """);
        Resource role = resource(read(), "aws_iam_role.exec");
        assertEquals("orders-exec", role.value("name"));
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"}}]}", role.value("assume_role_policy"));
        assertEquals("main.tf.json:7", role.location().toString());
    }

    @Test
    void moduleOutputsContainerDefinitionsAndDynamicStatementsEvaluateAsTerraformWould() {
        Infrastructure infrastructure = new HclReader().read(Path.of("testdata/hcl/scenarios/service-module"));
        assertEquals("[{\"essential\":true,\"image\":\"123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1.0\","
                + "\"logConfiguration\":{\"logDriver\":\"awslogs\",\"options\":{\"awslogs-group\":\"/ecs/app\","
                + "\"awslogs-region\":\"eu-west-1\",\"awslogs-stream-prefix\":\"ecs\"}},\"name\":\"app\","
                + "\"secrets\":[{\"name\":\"DB\",\"valueFrom\":\"arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf\"}]},"
                + "{\"essential\":false,\"image\":\"public.ecr.aws/aws-observability/aws-for-fluent-bit:stable\","
                + "\"logConfiguration\":{\"logDriver\":\"awslogs\",\"options\":{\"awslogs-group\":\"/ecs/sidecar\","
                + "\"awslogs-region\":\"eu-west-1\",\"awslogs-stream-prefix\":\"ecs\"}},\"name\":\"sidecar\"}]",
                resource(infrastructure, "module.api.aws_ecs_task_definition.this[0]").value("container_definitions"));
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"${aws_s3_bucket.assets.arn}/*\"}]}",
                resource(infrastructure, "module.api.aws_iam_role_policy.tasks[0]").value("policy"));
        assertEquals("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
                resource(infrastructure, "module.api.aws_iam_role_policy_attachment.task_exec_managed[0]").value("policy_arn"));
        assertEquals("arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess",
                resource(infrastructure, "module.api.aws_iam_role_policy_attachment.task_exec[\"ssm\"]").value("policy_arn"));
    }

    @Test
    void aWholeModuleThatIsNotDownloadedIsUnknownNotEmpty() throws IOException {
        write("main.tf", """
                module "m" {
                  source = "git::https://example.com/m.git"
                }
                resource "aws_iam_role" "r" {
                  name        = "r"
                  description = jsonencode(merge(module.m, { a = 1 }))
                }
                """);
        UnknownValue description = assertInstanceOf(UnknownValue.class, resource(read(), "aws_iam_role.r").value("description"));
        assertEquals(List.of(new Reference(Address.of("module.m"), null)), description.references());
    }
}
