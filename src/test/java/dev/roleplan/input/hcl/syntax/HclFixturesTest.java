package dev.roleplan.input.hcl.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The realistic Terraform fixtures under testdata/hcl: they parse, with the exact block structure written. */
class HclFixturesTest {

    private static final Path ROOT = Path.of("testdata/hcl");

    private static Body parse(String relative) throws IOException {
        return parse(ROOT.resolve(relative), relative);
    }

    /** A file's bytes as UTF-8, invalid UTF-8 being a syntax error, then parsed, as the reader does. */
    private static Body parse(Path file, String displayName) throws IOException {
        return HclParser.parseConfig(displayName, HclParser.decodeUtf8(displayName, Files.readAllBytes(file)));
    }

    /** One line per block: its line, type and labels, indented by nesting. */
    private static String outline(Body body) {
        StringBuilder out = new StringBuilder();
        outline(body, "", out);
        return out.toString();
    }

    private static void outline(Body body, String indent, StringBuilder out) {
        for (Block block : body.blocks()) {
            out.append(indent).append(block.range().line()).append(' ').append(block.type());
            for (String label : block.labelValues()) {
                out.append(" \"").append(label).append('"');
            }
            out.append('\n');
            outline(block.body(), indent + "  ", out);
        }
    }

    private static Block block(Body body, String type, String... labels) {
        for (Block b : body.blocks(type)) {
            if (b.labelValues().equals(List.of(labels))) {
                return b;
            }
        }
        throw new AssertionError("no block " + type + " " + List.of(labels));
    }

    private static String attr(Block block, String name) {
        return SyntaxPrinter.print(block.body().attribute(name).orElseThrow().value());
    }

    @Test
    void everyValidFixtureParses() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(ROOT)) {
            // invalid/ holds rejected inputs and quirks/ single cases for the differential test, some invalid
            walk.filter(p -> p.toString().endsWith(".tf") && !p.startsWith(ROOT.resolve("invalid"))
                    && !p.startsWith(ROOT.resolve("quirks"))).sorted().forEach(files::add);
        }
        assertEquals(13, files.size(), files.toString());
        for (Path file : files) {
            Body body = parse(file, file.toString());
            assertFalse(body.items().isEmpty(), file.toString());
        }
    }

    @Test
    void everyInvalidFixtureIsRejected() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(ROOT.resolve("invalid"))) {
            walk.filter(p -> p.toString().endsWith(".tf")).sorted().forEach(files::add);
        }
        assertEquals(19, files.size());
        int rejected = 0;
        for (Path file : files) {
            try {
                parse(file, file.toString());
            } catch (HclSyntaxException e) {
                rejected++;
            }
        }
        // label-clash.tf and unary-on-string-literal.tf are valid syntax that HashiCorp's hcl2json converter
        // rejects; they are there for the differential test
        assertEquals(17, rejected);
    }

    @Test
    void ecsServiceStructure() throws IOException {
        Body body = parse("ecs-service/main.tf");
        assertEquals("""
                5 locals
                31 data "aws_caller_identity" "current"
                32 data "aws_region" "current"
                33 data "aws_partition" "current"
                35 resource "aws_cloudwatch_log_group" "this"
                43 resource "aws_ecs_task_definition" "this"
                  106 runtime_platform
                  111 dynamic "volume"
                    114 content
                      117 efs_volume_configuration
                        120 authorization_config
                130 resource "aws_ecs_task_definition" "migrations"
                164 resource "aws_ecs_service" "this"
                  175 network_configuration
                  181 load_balancer
                  187 deployment_circuit_breaker
                  192 lifecycle
                199 resource "aws_security_group" "service"
                  203 ingress
                  210 egress
                """, outline(body));
    }

    @Test
    void ecsTaskDefinitionWithJsonencodedContainers() throws IOException {
        Block task = block(parse("ecs-service/main.tf"), "resource", "aws_ecs_task_definition", "this");
        assertEquals("aws_iam_role.task_exec.arn", attr(task, "execution_role_arn"));
        assertEquals("aws_iam_role.tasks.arn", attr(task, "task_role_arn"));
        Expression.FunctionCall call = (Expression.FunctionCall) task.body().attribute("container_definitions")
                .orElseThrow().value();
        assertEquals("jsonencode", call.name());
        Expression.TupleCons containers = (Expression.TupleCons) call.args().get(0);
        assertEquals(2, containers.items().size());
        Expression.ObjectCons app = (Expression.ObjectCons) containers.items().get(0);
        List<String> keys = new ArrayList<>();
        for (Expression.ObjectItem item : app.items()) {
            keys.add(item.bareName());
        }
        assertEquals(List.of("name", "image", "essential", "cpu", "memory", "portMappings", "environment", "secrets",
                "readonlyRootFilesystem", "linuxParameters", "healthCheck", "logConfiguration"), keys);
        assertEquals("(template (interp var.ecr_repository_url) \":\" (interp var.image_tag))",
                SyntaxPrinter.print(app.items().get(1).value()));
        assertEquals(new SourceRange("ecs-service/main.tf", 52, 27, 104, 5), call.range());
    }

    @Test
    void ecsTaskDefinitionWithHeredocContainers() throws IOException {
        Block task = block(parse("ecs-service/main.tf"), "resource", "aws_ecs_task_definition", "migrations");
        Expression.TemplateExpr heredoc = (Expression.TemplateExpr) task.body().attribute("container_definitions")
                .orElseThrow().value();
        assertTrue(heredoc.heredoc());
        assertEquals(11, heredoc.parts().size()); // six literals around five interpolations
        assertEquals("[\n  {\n    \"name\": \"migrations\",\n    \"image\": \"",
                ((TemplatePart.Literal) heredoc.parts().get(0)).text());
        assertEquals("\",\n        \"awslogs-stream-prefix\": \"migrations\"\n      }\n    }\n  }\n]\n",
                ((TemplatePart.Literal) heredoc.parts().get(10)).text());
    }

    @Test
    void iamRoleStructureWithDynamicStatements() throws IOException {
        Body body = parse("iam-role/main.tf");
        assertEquals("""
                6 locals
                25 data "aws_caller_identity" "current"
                26 data "aws_partition" "current"
                27 data "aws_region" "current"
                29 data "aws_iam_policy_document" "task_exec_assume"
                  30 statement
                    34 principals
                    39 condition
                47 resource "aws_iam_role" "task_exec"
                58 resource "aws_iam_role_policy_attachment" "task_exec"
                68 data "aws_iam_policy_document" "task_exec"
                  72 statement
                  81 dynamic "statement"
                    84 content
                  91 dynamic "statement"
                    94 content
                  101 dynamic "statement"
                    104 content
                      112 dynamic "principals"
                        115 content
                      121 dynamic "condition"
                        124 content
                134 resource "aws_iam_policy" "task_exec"
                141 resource "aws_iam_role_policy_attachment" "task_exec_custom"
                148 resource "aws_iam_role" "tasks"
                  169 inline_policy
                191 data "aws_iam_policy_document" "tasks"
                  195 dynamic "statement"
                    198 content
                  206 statement
                    212 principals
                    217 condition
                  224 statement
                234 resource "aws_iam_role_policy" "tasks"
                240 resource "aws_iam_policy" "legacy"
                """, outline(body));
    }

    @Test
    void iamExpressions() throws IOException {
        Body body = parse("iam-role/main.tf");
        Block attachment = block(body, "resource", "aws_iam_role_policy_attachment", "task_exec");
        assertEquals("(for {k v} (call merge (object (AmazonECSTaskExecutionRolePolicy (template \"arn:\""
                + " (interp local.partition) \":iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy\")))"
                + " var.task_exec_iam_role_policies) k v)", attr(attachment, "for_each"));
        Block doc = block(body, "data", "aws_iam_policy_document", "task_exec");
        assertEquals("(? local.create_task_exec_policy 1 0)", attr(doc, "count"));
        Block dynamic = doc.body().blocks("dynamic").get(2);
        assertEquals("var.task_exec_iam_statements", attr(dynamic, "for_each"));
        Block content = dynamic.body().blocks("content").get(0);
        assertEquals("(call try statement.value.not_actions null)", attr(content, "not_actions"));
        Block legacy = block(body, "resource", "aws_iam_policy", "legacy");
        Expression.TemplateExpr policy = (Expression.TemplateExpr) legacy.body().attribute("policy").orElseThrow()
                .value();
        String text = ((TemplatePart.Literal) policy.parts().get(0)).text();
        assertTrue(text.startsWith("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\""), text);
        Block tasks = block(body, "data", "aws_iam_policy_document", "tasks");
        assertEquals("(for [key] var.kms_key_arns key (if (&& (!= key null) (!= key \"\"))))",
                attr(tasks.body().blocks("statement").get(1), "resources"));
    }

    @Test
    void modulesWithForEachAndCount() throws IOException {
        Body body = parse("modules-for-each/main.tf");
        assertEquals("""
                1 terraform
                  4 required_providers
                  11 backend "s3"
                20 provider "aws"
                  23 default_tags
                31 locals
                69 data "aws_availability_zones" "available"
                73 module "vpc"
                88 module "ecs_cluster"
                118 module "service"
                145 module "service_alarms"
                154 output "service_task_definitions"
                158 output "all_exec_roles"
                162 output "first_private_subnet"
                166 variable "service_secrets"
                174 variable "enable_alarms"
                """, outline(body));
        Block service = block(body, "module", "service");
        assertEquals("\"./modules/service\"", attr(service, "source"));
        assertEquals("local.services", attr(service, "for_each"));
        assertEquals("(? each.value.public module.vpc.public_subnets module.vpc.private_subnets)",
                attr(service, "subnet_ids"));
        Block alarms = block(body, "module", "service_alarms");
        assertEquals("(rel (index module.service (index (call keys local.services) count.index)) .alarm_arns)",
                attr(alarms, "alarm_arns"));
        Block locals = body.blocks("locals").get(0);
        assertEquals("(for {name svc} local.services (paren (? (>= svc.cpu 512) \"large\" \"small\")) name ...)",
                attr(locals, "by_size"));
        assertEquals("(splat[*] (call values module.service) (rel @ .task_exec_role_arn))",
                attr(block(body, "output", "all_exec_roles"), "value"));
        assertEquals("module.vpc.private_subnets[0]", attr(block(body, "output", "first_private_subnet"), "value"));
    }
}
