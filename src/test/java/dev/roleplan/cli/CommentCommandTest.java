package dev.roleplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roleplan.github.FakeGitHubAccess;
import dev.roleplan.github.ReportMarkdown;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommentCommandTest {

  static final String TOKEN = "ghs_CommandTestTokenNeverPrinted9876543210";

  static final String REPORT_ONE_HIGH = """
      {"tool": {"name": "roleplan", "version": "0.1.0"},
       "inputs": [],
       "task_definitions": [],
       "findings": [{"rule": "RP201", "name": "execution-role-missing-required-permission", "severity": "high",
                     "message": "m", "fingerprint": "f"}],
       "summary": {"critical": 0, "high": 1, "medium": 0, "low": 0, "info": 0}}
      """;

  static final String REPORT_CLEAN = """
      {"tool": {"name": "roleplan", "version": "0.1.0"}, "findings": [],
       "summary": {"critical": 0, "high": 0, "medium": 0, "low": 0, "info": 0}}
      """;

  /** A stand-in for the real Markdown renderer: enough to tell reports apart in the comment. */
  static final class CountingMarkdown implements ReportMarkdown {
    @Override
    public String render(JsonNode report) {
      return "### roleplan\n\n" + report.get("findings").size() + " finding(s)\n";
    }

    @Override
    public boolean isClean(JsonNode report) {
      return report.get("findings").isEmpty();
    }
  }

  @TempDir Path dir;
  FakeGitHubAccess github;
  Map<String, String> env;
  List<Duration> sleeps;
  String stdout;
  String stderr;

  @BeforeEach
  void start() throws Exception {
    github = new FakeGitHubAccess(TOKEN);
    sleeps = new ArrayList<>();
    env = new HashMap<>();
    env.put("GITHUB_API_URL", github.apiUrl());
    env.put("GITHUB_REPOSITORY", "octo/infra");
    env.put("GITHUB_TOKEN", TOKEN);
    env.put("GITHUB_EVENT_NAME", "pull_request");
    env.put("GITHUB_EVENT_PATH", write("event.json", "{\"action\":\"synchronize\",\"pull_request\":{\"number\":7}}"));
  }

  @AfterEach
  void stop() {
    github.close();
    if (stdout != null) {
      assertFalse(stdout.contains(TOKEN), stdout);
      assertFalse(stderr.contains(TOKEN), stderr);
    }
  }

  String write(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file.toString();
  }

  int run(String... args) {
    return run(new CountingMarkdown(), args);
  }

  int run(ReportMarkdown renderer, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new CommentCommand(renderer, env, sleeps::add));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    stdout = out.toString();
    stderr = err.toString();
    return code;
  }

  // ---- publishing -----------------------------------------------------------------------------------------

  @Test
  void postsTheCommentAndWritesTheStepOutputs() throws Exception {
    String outputs = write("github_output", "earlier=1\n");
    env.put("GITHUB_OUTPUT", outputs);

    int code = run(write("report.json", REPORT_ONE_HIGH), "--key", "prod");

    assertEquals(0, code, stderr);
    assertEquals("roleplan comment: created " + github.commentUrl(1000) + " (created comment 1000)\n", stdout);
    assertEquals("", stderr);
    assertEquals(List.of("GET /user", "GET /repos/octo/infra/issues/7/comments?per_page=100",
        "POST /repos/octo/infra/issues/7/comments"), github.requestLines());
    assertEquals(List.of("<!-- roleplan:comment key=prod -->\n### roleplan\n\n1 finding(s)\n"), github.bodies());
    assertEquals("earlier=1\nfindings=1\nhighest-severity=high\ncomment-url=" + github.commentUrl(1000)
        + "\ncomment-action=created\n", Files.readString(Path.of(outputs)));
  }

  @Test
  void aCleanReportWithOnCleanDeleteRemovesTheEarlierComment() throws Exception {
    assertEquals(0, run(write("report.json", REPORT_ONE_HIGH)));
    String outputs = write("github_output", "");
    env.put("GITHUB_OUTPUT", outputs);

    int code = run(write("clean.json", REPORT_CLEAN), "--on-clean", "delete");

    assertEquals(0, code, stderr);
    assertEquals("roleplan comment: deleted (deleted 1 previous comment(s): the report is clean)\n", stdout);
    assertEquals(List.of(), github.bodies());
    assertEquals("findings=0\nhighest-severity=none\ncomment-url=\ncomment-action=deleted\n",
        Files.readString(Path.of(outputs)));
  }

  @Test
  void anIssueCommentEventOnAPullRequestUsesTheIssueNumber() throws Exception {
    env.put("GITHUB_EVENT_NAME", "issue_comment");
    env.put("GITHUB_EVENT_PATH", write("event.json", "{\"issue\":{\"number\":7,\"pull_request\":{\"url\":\"u\"}}}"));

    assertEquals(0, run(write("report.json", REPORT_ONE_HIGH)));
    assertEquals(1, github.bodies().size());
  }

  @Test
  void prOptionOverridesTheEvent() throws Exception {
    env.put("GITHUB_EVENT_NAME", "workflow_run");
    env.put("GITHUB_EVENT_PATH", write("event.json", "{\"workflow_run\":{\"pull_requests\":[]}}"));

    assertEquals(0, run(write("report.json", REPORT_ONE_HIGH), "--pr", "7"));
    assertEquals(1, github.bodies().size());
  }

  @Test
  void anEventWithoutAPullRequestSkipsWithANotice() throws Exception {
    env.put("GITHUB_EVENT_NAME", "push");
    env.put("GITHUB_EVENT_PATH", write("event.json", "{\"ref\":\"refs/heads/main\"}"));
    env.put("GITHUB_ACTIONS", "true");

    int code = run(write("report.json", REPORT_ONE_HIGH));

    assertEquals(0, code);
    assertEquals("::notice title=roleplan comment::the push event is not about a pull request (pass --pr N to name"
        + " one); not commenting\n", stderr);
    assertEquals(List.of(), github.requestLines());
  }

  @Test
  void aForkPullRequestFallsBackAndExitsZero() throws Exception {
    github.forbidWrites();
    env.put("GITHUB_ACTIONS", "true");

    int code = run(write("report.json", REPORT_ONE_HIGH));

    assertEquals(0, code);
    assertTrue(stdout.startsWith("roleplan comment: fell-back (the token may not write: POST"), stdout);
    assertTrue(stderr.startsWith("::notice title=roleplan comment::roleplan could not write the pull-request"
        + " comment: the token may not write to this pull request (HTTP 403, as for pull requests from forks"), stderr);
    assertTrue(stderr.endsWith("returned HTTP 403: Resource not accessible by integration)\n"), stderr);
  }

  @Test
  void aMissingTokenIsAWarningNotAFailure() throws Exception {
    env.remove("GITHUB_TOKEN");

    int code = run(write("report.json", REPORT_ONE_HIGH));

    assertEquals(0, code);
    assertEquals("warning: GITHUB_TOKEN is not set; cannot comment (give the step the token, e.g. env: GITHUB_TOKEN:"
        + " ${{ github.token }}, with permissions: pull-requests: write). The job summary and annotations still show"
        + " the result.\n", stderr);
    assertEquals(List.of(), github.requestLines());
  }

  @Test
  void anUnreachableApiIsAWarningNotAFailure() throws Exception {
    String url = github.apiUrl();
    github.close();
    env.put("GITHUB_API_URL", url);

    int code = run(write("report.json", REPORT_ONE_HIGH));

    assertEquals(0, code);
    assertTrue(stderr.startsWith("warning: roleplan could not publish the pull-request comment on octo/infra#7:"
        + " GET /user failed: network error (ConnectException"), stderr);
    assertEquals(4, sleeps.size());
  }

  @Test
  void offModeValidatesTheReportButSendsNothing() throws Exception {
    assertEquals(0, run(write("report.json", REPORT_ONE_HIGH), "--mode", "off"));
    assertEquals("roleplan comment: skipped (commenting is off)\n", stdout);
    assertEquals(List.of(), github.requestLines());
  }

  @Test
  void dryRunPrintsTheBodyAndWritesNothing() throws Exception {
    assertEquals(0, run(write("first.json", REPORT_CLEAN)));

    int code = run(write("report.json", REPORT_ONE_HIGH), "--dry-run");

    assertEquals(0, code, stderr);
    assertEquals("<!-- roleplan:comment key=default -->\n### roleplan\n\n1 finding(s)\n\n"
        + "roleplan comment (dry run, nothing written): would be updated " + github.commentUrl(1000)
        + " (would edit comment 1000)\n", stdout);
    assertEquals(List.of("GET /user", "GET /repos/octo/infra/issues/7/comments?per_page=100",
        "POST /repos/octo/infra/issues/7/comments", "GET /user",
        "GET /repos/octo/infra/issues/7/comments?per_page=100"), github.requestLines());
    assertEquals(List.of("<!-- roleplan:comment key=default -->\n### roleplan\n\n0 finding(s)\n"), github.bodies());
  }

  @Test
  void dryRunInActionsCannotForgeWorkflowCommands() throws Exception {
    env.put("GITHUB_ACTIONS", "true");
    ReportMarkdown hostile = new ReportMarkdown() {
      @Override
      public String render(JsonNode report) {
        return "::error::forged\n";
      }

      @Override
      public boolean isClean(JsonNode report) {
        return false;
      }
    };

    assertEquals(0, run(hostile, write("report.json", REPORT_ONE_HIGH), "--dry-run", "--mode", "off"));

    String[] lines = stdout.split("\n");
    assertTrue(lines[0].matches("::stop-commands::[0-9a-f-]{36}"), lines[0]);
    assertEquals("::error::forged", lines[2]);
    assertEquals("::" + lines[0].substring("::stop-commands::".length()) + "::", lines[4]);
  }

  // ---- bad input ------------------------------------------------------------------------------------------

  void assertBadReport(String content, String message) throws Exception {
    String path = write("report.json", content);
    assertEquals(3, run(path), stderr);
    assertEquals("roleplan comment: " + path + ": " + message + "\n", stderr);
    assertEquals(List.of(), github.requestLines());
  }

  @Test
  void reportsThatAreNotRoleplanJsonExitThree() throws Exception {
    assertBadReport("{\"tool\": {\"name\": \"checkov\"}, \"findings\": [], \"summary\": {}}",
        "/tool/name: must be \"roleplan\"; this is not a roleplan JSON report");
    assertBadReport("[]", "the report: must be a JSON object (roleplan check --format json)");
    assertBadReport("{\"tool\": {\"name\": \"roleplan\"}, \"findings\": {}, \"summary\": {}}",
        "/findings: must be an array, found an object");
    assertBadReport("{\"tool\": {\"name\": \"roleplan\"}, \"findings\": [{\"rule\": \"RP1\", \"severity\": \"severe\"}],"
        + " \"summary\": {}}", "/findings/0/severity: must be one of critical, high, medium, low, info, found the"
        + " string \"severe\"");
    assertBadReport("{\"tool\": {\"name\": \"roleplan\"}, \"findings\": [{\"severity\": \"low\"}], \"summary\": {}}",
        "/findings/0/rule: must be a string, found nothing");
    assertBadReport("{\"tool\": {\"name\": \"roleplan\"}, \"findings\": [], \"summary\": {\"critical\": 0,"
        + " \"high\": \"1\", \"medium\": 0, \"low\": 0, \"info\": 0}}", "/summary/high: must be a non-negative"
        + " integer, found the string \"1\"");
    assertBadReport("{\"tool\": {\"name\": \"roleplan\"}, \"findings\": [], \"summary\": {\"critical\": 1.5}}",
        "/summary/critical: must be a non-negative integer, found a fractional number");
    assertBadReport("{\"tool\": {\"name\": \"roleplan\"}, \"findings\": [], \"summary\": {\"critical\": -1}}",
        "/summary/critical: must be a non-negative integer, found the number -1");
  }

  @Test
  void unreadableOrMalformedJsonExitsThree() throws Exception {
    assertBadReport("", "is empty");
    assertBadReport("{\"tool\": {\"name\": \"roleplan\"},\n \"tool\": {}}",
        "is not valid JSON at line 2, column 8: Duplicate field 'tool'");
    assertBadReport("{} {}", "is not valid JSON at line 1, column 4: Trailing token (of type START_OBJECT) found"
        + " after value (bound as `com.fasterxml.jackson.databind.JsonNode`): not allowed as per"
        + " `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`");
    String missing = dir.resolve("missing.json").toString();
    assertEquals(3, run(missing));
    assertEquals("roleplan comment: " + missing + ": no such file\n", stderr);
  }

  @Test
  void aRendererFailureIsAnInternalError() throws Exception {
    ReportMarkdown broken = new ReportMarkdown() {
      @Override
      public String render(JsonNode report) {
        throw new IllegalStateException("renderer bug");
      }

      @Override
      public boolean isClean(JsonNode report) {
        return false;
      }
    };
    String path = write("report.json", REPORT_ONE_HIGH);

    assertEquals(4, run(broken, path));
    assertEquals("roleplan comment: internal error while rendering " + path
        + ": java.lang.IllegalStateException: renderer bug\n", stderr);
  }

  @Test
  void badOptionsAreUsageErrors() throws Exception {
    String path = write("report.json", REPORT_ONE_HIGH);

    assertEquals(2, run(path, "--key", "a-->b"));
    assertTrue(stderr.startsWith("Invalid value for option '--key': the comment key 'a-->b' is not allowed"), stderr);
    assertEquals(2, run(path, "--mode", "upsert"));
    assertTrue(stderr.startsWith("Invalid value for option '--mode': unknown comment mode 'upsert'; expected one of"
        + " update, new, hide-and-new, delete-and-new, off"), stderr);
    assertEquals(2, run(path, "--on-clean", "hide"));
    assertTrue(stderr.startsWith("Invalid value for option '--on-clean': unknown on-clean behaviour 'hide'; expected"
        + " one of update, delete, skip"), stderr);
    assertEquals(2, run(path, "--pr", "0"));
    assertTrue(stderr.startsWith("Invalid value for option '--pr': must be a positive number, was 0"), stderr);
    assertEquals(List.of(), github.requestLines());
  }

  @Test
  void helpListsTheModes() {
    assertEquals(0, run("--help"));
    assertTrue(stdout.contains("--mode=MODE") && stdout.contains("update, new, hide-and-new, delete-and-new, off"),
        stdout);
    assertTrue(stdout.contains("When the report is clean: update, delete, skip."), stdout);
  }
}
