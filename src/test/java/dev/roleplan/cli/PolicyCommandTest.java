package dev.roleplan.cli;

import dev.roleplan.app.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code roleplan policy check|simulate} end to end, in-process through Main.run. */
class PolicyCommandTest {

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new Io(new PrintWriter(out), new PrintWriter(err), new ByteArrayInputStream(new byte[0])), null);
        return new Result(code, out.toString(), err.toString());
    }

    private String file(String name, String json) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, json, StandardCharsets.UTF_8);
        return p.toString();
    }

    private Result simulate(List<String> policies, String boundary, String action, String resource, String format) {
        List<String> args = new ArrayList<>(List.of("policy", "simulate"));
        policies.forEach(p -> args.addAll(List.of("--policy", p)));
        if (boundary != null) {
            args.addAll(List.of("--boundary", boundary));
        }
        args.addAll(List.of("--action", action, "--resource", resource));
        if (format != null) {
            args.addAll(List.of("--format", format));
        }
        return run(args.toArray(String[]::new));
    }

    // ---------------------------------------------------------------- simulate

    @Test
    void wildcardActionsAndResources() throws IOException {
        String p = file("read.json", """
                {"Version":"2012-10-17","Statement":[{"Sid":"ReadAssets","Effect":"Allow","Action":"s3:Get*","Resource":"arn:aws:s3:::assets/*"}]}""");
        Result hit = simulate(List.of(p), null, "S3:getobject", "arn:aws:s3:::assets/img/logo.png", null);
        assertEquals(new Result(0, "allowed\n  " + p + " statement 0 (ReadAssets): Allow\n", ""), hit);
        Result miss = simulate(List.of(p), null, "s3:GetObject", "arn:aws:s3:::assets-private/a", null);
        assertEquals(new Result(0, "denied (implicit: no statement allows it)\n", ""), miss);
        assertEquals("""
                {
                  "decision" : "denied",
                  "explicit_deny" : false,
                  "statements" : [ ]
                }
                """, simulate(List.of(p), null, "s3:PutObject", "arn:aws:s3:::assets/a", "json").out());
    }

    @Test
    void notActionAndNotResource() throws IOException {
        String p = file("not.json", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"},
                  {"Sid":"NotSecret","Effect":"Allow","Action":"iam:GetRole","NotResource":"arn:aws:iam::123456789012:role/admin"}]}""");
        assertEquals("allowed\n  " + p + " statement 0: Allow\n",
                simulate(List.of(p), null, "s3:PutObject", "arn:aws:s3:::b/k", null).out());
        assertEquals("denied (implicit: no statement allows it)\n",
                simulate(List.of(p), null, "iam:PassRole", "arn:aws:iam::123456789012:role/x", null).out());
        assertEquals("allowed\n  " + p + " statement 1 (NotSecret): Allow\n",
                simulate(List.of(p), null, "iam:GetRole", "arn:aws:iam::123456789012:role/app", null).out());
        assertEquals("denied (implicit: no statement allows it)\n",
                simulate(List.of(p), null, "iam:GetRole", "arn:aws:iam::123456789012:role/admin", null).out());
    }

    @Test
    void explicitDenyInAnotherPolicyWins() throws IOException {
        String allow = file("allow.json", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""");
        String deny = file("deny.json", """
                {"Version":"2012-10-17","Statement":[{"Sid":"Keep","Effect":"Allow","Action":"sqs:SendMessage","Resource":"*"},
                  {"Sid":"NoDelete","Effect":"Deny","Action":"s3:Delete*","Resource":"arn:aws:s3:::prod-*"}]}""");
        Result text = simulate(List.of(allow, deny), null, "s3:DeleteObject", "arn:aws:s3:::prod-data/k", null);
        assertEquals(new Result(0, "denied (explicit deny)\n  " + deny + " statement 1 (NoDelete): Deny\n", ""), text);
        assertEquals("""
                {
                  "decision" : "denied",
                  "explicit_deny" : true,
                  "statements" : [ {
                    "policy" : "%s",
                    "index" : 1,
                    "sid" : "NoDelete",
                    "effect" : "Deny"
                  } ]
                }
                """.formatted(deny), simulate(List.of(allow, deny), null, "s3:DeleteObject", "arn:aws:s3:::prod-data/k", "json").out());
        assertEquals("allowed\n  " + allow + " statement 0: Allow\n",
                simulate(List.of(allow, deny), null, "s3:DeleteObject", "arn:aws:s3:::dev-data/k", null).out());
    }

    @Test
    void permissionsBoundaryIntersects() throws IOException {
        String admin = file("admin.json", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""");
        String boundary = file("boundary.json", """
                {"Version":"2012-10-17","Statement":[{"Sid":"OnlyS3Read","Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":"*"}]}""");
        assertEquals(new Result(0, "denied (implicit: the permissions boundary does not allow it)\n", ""),
                simulate(List.of(admin), boundary, "iam:CreateAccessKey", "arn:aws:iam::123456789012:user/u", null));
        assertEquals("allowed\n  " + admin + " statement 0: Allow\n  " + boundary + " statement 0 (OnlyS3Read): Allow\n",
                simulate(List.of(admin), boundary, "s3:GetObject", "arn:aws:s3:::b/k", null).out());
        assertEquals("""
                {
                  "decision" : "allowed",
                  "explicit_deny" : false,
                  "statements" : [ {
                    "policy" : "%s",
                    "index" : 0,
                    "sid" : null,
                    "effect" : "Allow"
                  }, {
                    "policy" : "%s",
                    "index" : 0,
                    "sid" : "OnlyS3Read",
                    "effect" : "Allow"
                  } ]
                }
                """.formatted(admin, boundary), simulate(List.of(admin), boundary, "s3:GetObject", "arn:aws:s3:::b/k", "json").out());
    }

    @Test
    void conditionsMakeTheAnswerConditional() throws IOException {
        String p = file("cond.json", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*",
                  "Condition":{"StringEquals":{"iam:PassedToService":"ecs-tasks.amazonaws.com"}}}]}""");
        assertEquals(new Result(0, "conditional (depends on conditions or values unknown until apply)\n  " + p
                + " statement 0: Allow, conditional\n", ""),
                simulate(List.of(p), null, "iam:PassRole", "arn:aws:iam::123456789012:role/app", null));
    }

    @Test
    void badQuestionsAndFiles() throws IOException {
        String p = file("p.json", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}");
        assertEquals(new Result(2, "", "roleplan: --action s3:Get*: give one concrete action such as s3:GetObject\n"),
                simulate(List.of(p), null, "s3:Get*", "*", null));
        assertEquals(new Result(2, "", "roleplan: --resource bucket: \"bucket\" is not an ARN: it must start with \"arn:\" "
                + "(use \"*\" for actions that take no resource)\n"), simulate(List.of(p), null, "s3:GetObject", "bucket", null));
        String missing = dir.resolve("missing.json").toString();
        assertEquals(new Result(3, "", "roleplan: cannot read " + missing + ": no such file\n"),
                simulate(List.of(missing), null, "s3:GetObject", "*", null));
        Result typo = simulate(List.of(p), null, "s3:GetObjects", "*", null);
        // IAM matches the text: s3:* covers even a name no service defines, so the answer stands, with a warning.
        assertEquals(new Result(0, "allowed\n  " + p + " statement 0: Allow\n", "warning: s3:GetObjects is not an action the IAM "
                + "catalog knows; only statements naming it literally or by wildcard can match\n"), typo);
        assertEquals(2, run("policy").code());
    }

    // ---------------------------------------------------------------- check

    @Test
    void checkReportsTheTypoAsJsonWithoutTaskDefinitionOrRole() throws IOException {
        String p = file("task.json", """
                {"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":["s3:GetObjects"],"Resource":"arn:aws:s3:::assets/*"}]}""");
        Result r = run("policy", "check", p, "--format", "json");
        assertEquals(1, r.code());
        assertEquals("""
                {
                  "tool" : {
                    "name" : "roleplan",
                    "version" : "%s"
                  },
                  "inputs" : [ {
                    "path" : "%s",
                    "kind" : "policy",
                    "terraform_version" : null,
                    "format_version" : null
                  } ],
                  "task_definitions" : [ ],
                  "findings" : [ {
                    "rule" : "RP501",
                    "name" : "unknown-action",
                    "severity" : "high",
                    "message" : "Statement Read of %s: \\"s3:GetObjects\\" is not an action of s3 (did you mean s3:GetObject?); it grants nothing.",
                    "task_definition" : null,
                    "role_kind" : null,
                    "role" : null,
                    "policy" : "%s",
                    "statement" : "Read",
                    "location" : {
                      "file" : "%s",
                      "line" : null
                    },
                    "suggestion" : null,
                    "fingerprint" : "%s"
                  } ],
                  "summary" : {
                    "critical" : 0,
                    "high" : 1,
                    "medium" : 0,
                    "low" : 0,
                    "info" : 0
                  },
                  "notices" : [ ]
                }
                """.formatted(Version.tool(), p, p, p, p, dev.roleplan.engine.Fingerprints.of("RP501", null, null, null, p, "Read", "s3:getobjects")),
                r.out());
        assertEquals(0, run("policy", "check", p, "--fail-on", "critical").code());
    }

    @Test
    void checkInTextWithWildcardsNotActionAndAMalformedVersion() throws IOException {
        String p = file("wide.json", """
                {"Version":"2012-10-18","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},
                  {"Sid":"Bad Sid","Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}""");
        Result r = run("policy", "check", p);
        assertEquals(1, r.code());
        assertEquals("roleplan " + Version.tool() + "\ninput: " + p + " (policy)\n\n0 task definitions\n\n"
                + "5 findings: 1 critical, 2 high, 1 medium, 1 low, 0 info\n"
                + "\nCRITICAL\n"
                + "  RP301 allows-all-actions\n    policy " + p + " → statement 0\n    Statement 0 of " + p + " allows every action (\"*\").\n"
                + "\nHIGH\n"
                + "  RP304 allow-with-not-action-or-not-resource\n    policy " + p + " → statement Bad Sid\n    Statement Bad Sid of " + p
                + " allows with NotAction: it grants everything it does not list.\n"
                + "  RP503 malformed-policy\n    policy " + p + "\n    Policy " + p
                + ": Version: \"2012-10-18\" is not a policy language version (use \"2012-10-17\").\n"
                + "\nMEDIUM\n"
                + "  RP303 allows-resource-wildcard\n    policy " + p + " → statement 0\n",
                r.out().substring(0, r.out().indexOf("    Statement 0 of " + p + " allows ", r.out().indexOf("RP303"))));
        String tail = r.out().substring(r.out().indexOf("RP303"));
        assertEquals(true, tail.contains("\nLOW\n  RP507 invalid-or-duplicate-sid\n    policy " + p + " → statement Bad Sid\n    Statement 1 of " + p
                + ": Sid \"Bad Sid\" may contain only letters and digits (A-Z, a-z, 0-9).\n"), tail);
    }

    @Test
    void checkOfACleanPolicyAndOfFilesThatCannotBeRead() throws IOException {
        String p = file("clean.json", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":"arn:aws:s3:::assets/*"}]}""");
        assertEquals(new Result(0, "roleplan " + Version.tool() + "\ninput: " + p + " (policy)\n\n0 task definitions\n\nNo findings.\n", ""),
                run("policy", "check", p));
        assertEquals(new Result(3, "", "roleplan: cannot read " + dir + ": not a regular file\n"), run("policy", "check", dir.toString()));
        String notJson = file("broken.json", "{\"Version\": ");
        Result broken = run("policy", "check", notJson, "--format", "json");
        assertEquals(1, broken.code(), "invalid JSON is a finding (RP503), the file itself was readable");
        assertEquals(true, broken.out().contains("\"rule\" : \"RP503\""));
        assertEquals(2, run("policy", "check", p, "--format", "xml").code());
    }
}
