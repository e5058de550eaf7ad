package dev.roleplan.input.hcl;

import dev.roleplan.app.Analyzer;
import dev.roleplan.cli.Io;
import dev.roleplan.cli.Main;
import dev.roleplan.input.plan.PlanReader;
import dev.roleplan.model.Infrastructure;
import dev.roleplan.model.Resource;
import dev.roleplan.report.Redactor;
import dev.roleplan.resolve.Resolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static dev.roleplan.input.hcl.Infra.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A secret interpolated into a larger string stays secret through what functions make of that string: the report's
 * redactor only knows the texts the reader registers, and {@code upper("app-${var.token}")} no longer holds the
 * secret's own text.
 */
class HclSecretPropagationTest {

    private static final String SECRET = "S3CR3TPIN42";

    @TempDir
    Path dir;

    /** Task definitions whose families are functions of a string built around the secret. */
    private void writeConfiguration() throws IOException {
        Infra.write(dir, "main.tf", """
                variable "token" {
                  sensitive = true
                  default   = "S3CR3TPIN42"
                }
                locals {
                  named = "app-${var.token}"
                }
                resource "aws_ecs_task_definition" "upper" {
                  family = upper("app-${var.token}")
                }
                resource "aws_ecs_task_definition" "lower" {
                  family = lower("APP-${var.token}")
                }
                resource "aws_ecs_task_definition" "replace" {
                  family = replace("app-${var.token}", "S3", "s3")
                }
                resource "aws_ecs_task_definition" "substr" {
                  family = substr("app-${var.token}", 2, 10)
                }
                resource "aws_ecs_task_definition" "nested" {
                  family = lower("x-${local.named}")
                }
                resource "aws_ecs_task_definition" "plain" {
                  family = upper("app-${length(var.token)}")
                }
                """);
    }

    /** No piece of the secret long enough to be worth masking, in any case. */
    private static void assertNoSecret(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i + 4 <= SECRET.length(); i++) {
            String piece = SECRET.substring(i, i + 4).toLowerCase(Locale.ROOT);
            assertFalse(lower.contains(piece), "\"" + piece + "\" of the secret in: " + text);
        }
    }

    @Test
    void whatFunctionsMakeOfAStringBuiltAroundASecretIsRedacted() throws IOException {
        writeConfiguration();
        Infrastructure infrastructure = new HclReader().read(dir);
        assertEquals("APP-S3CR3TPIN42", resource(infrastructure, "aws_ecs_task_definition.upper").value("family"));
        Redactor redactor = new Redactor(infrastructure.sensitiveValues());
        for (String name : List.of("upper", "lower", "replace", "substr", "nested")) {
            Resource r = resource(infrastructure, "aws_ecs_task_definition." + name);
            assertNoSecret(redactor.redact((String) r.value("family")));
        }
        // what a function makes of the secret's length is no secret
        assertEquals("APP-11", redactor.redact((String) resource(infrastructure, "aws_ecs_task_definition.plain").value("family")));
    }

    @Test
    void noReportFormatPrintsIt() throws IOException {
        writeConfiguration();
        for (String format : List.of("text", "json", "markdown", "sarif", "junit")) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new String[] {"check", dir.toString(), "--format", format, "--fail-on", "never"},
                    new Io(new PrintWriter(out), new PrintWriter(err), new ByteArrayInputStream(new byte[0])), analyzer());
            assertEquals(0, code, err.toString());
            if (format.equals("text")) {
                assertTrue(out.toString().contains("aws_ecs_task_definition.upper  (family (sensitive value))"), out.toString());
            }
            assertNoSecret(out.toString());
            assertNoSecret(err.toString());
        }
    }

    @Test
    void aShortSensitiveValueDoesNotMarkWhatFunctionsMakeOfEveryEqualText() throws IOException {
        Infra.write(dir, "main.tf", """
                variable "flag" {
                  sensitive = true
                  default   = "1"
                }
                variable "replicas" {
                  default = "1"
                }
                resource "aws_ecs_task_definition" "t" {
                  family = upper("web-${var.flag}")
                }
                resource "aws_iam_role" "r" {
                  name = format("%s-worker-%s", "svc", var.replicas)
                }
                """);
        Infrastructure infrastructure = new HclReader().read(dir);
        // too short to mask (the report's own rule), so too short to make anything else sensitive
        assertEquals(java.util.Set.of(), infrastructure.sensitiveValues());
    }

    private static Analyzer analyzer() {
        HclReader hcl = new HclReader();
        return new Analyzer(dev.roleplan.testing.Frontends.of(path -> new PlanReader().read(path), (in, name) -> new PlanReader().read(in, name)),
                dev.roleplan.testing.Frontends.of(hcl::read, hcl::read), new Resolver()::resolve);
    }
}
