package dev.roleplan.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubEnvironmentTest {

  @TempDir Path dir;
  Map<String, String> env;

  @BeforeEach
  void actionsEnvironment() throws Exception {
    env = new HashMap<>();
    env.put("GITHUB_REPOSITORY", "octo/infra");
    env.put("GITHUB_TOKEN", "t0ken");
    env.put("GITHUB_EVENT_NAME", "pull_request");
    env.put("GITHUB_EVENT_PATH", event("{\"pull_request\":{\"number\":42}}"));
  }

  String event(String json) throws Exception {
    Path file = dir.resolve("event.json");
    Files.writeString(file, json);
    return file.toString();
  }

  GitHubEnvironment.Resolution resolve() {
    return GitHubEnvironment.resolve(env, Optional.empty());
  }

  @Test
  void githubDotComIsTheDefault() {
    GitHubTarget target = resolve().target().orElseThrow();

    assertEquals(URI.create("https://api.github.com"), target.apiUrl());
    assertEquals(URI.create("https://api.github.com/graphql"), target.graphqlUrl());
    assertEquals(new PullRequestRef("octo/infra", 42), target.pullRequest());
    assertEquals("t0ken", target.token());
  }

  @Test
  void enterpriseServerUrlsComeFromTheRunner() {
    env.put("GITHUB_API_URL", "https://ghe.example.com/api/v3");
    GitHubTarget derived = resolve().target().orElseThrow();
    env.put("GITHUB_GRAPHQL_URL", "https://ghe.example.com/custom/graphql");
    GitHubTarget explicit = resolve().target().orElseThrow();

    assertEquals(URI.create("https://ghe.example.com/api/graphql"), derived.graphqlUrl());
    assertEquals(URI.create("https://ghe.example.com/custom/graphql"), explicit.graphqlUrl());
  }

  @Test
  void theOverrideWinsOverTheEvent() {
    assertEquals(9, GitHubEnvironment.resolve(env, Optional.of(9)).target().orElseThrow().pullRequest().number());
  }

  @Test
  void anIssueCommentCountsOnlyOnAPullRequest() throws Exception {
    env.put("GITHUB_EVENT_NAME", "issue_comment");
    env.put("GITHUB_EVENT_PATH", event("{\"issue\":{\"number\":5,\"pull_request\":{}}}"));
    assertEquals(5, resolve().target().orElseThrow().pullRequest().number());

    env.put("GITHUB_EVENT_PATH", event("{\"issue\":{\"number\":5}}"));
    GitHubEnvironment.Resolution plainIssue = resolve();
    assertEquals(Optional.empty(), plainIssue.target());
    assertFalse(plainIssue.warning());
    assertEquals("the issue_comment event is not about a pull request (pass --pr N to name one); not commenting",
        plainIssue.reason());
  }

  @Test
  void missingOrBrokenSettingsSayWhy() throws Exception {
    env.put("GITHUB_API_URL", "ftp://example.com");
    assertEquals("GITHUB_API_URL is not an http(s) URL without credentials; cannot comment", resolve().reason());
    env.put("GITHUB_API_URL", "https://user:pw@example.com");
    assertEquals("GITHUB_API_URL is not an http(s) URL without credentials; cannot comment", resolve().reason());
    env.remove("GITHUB_API_URL");

    env.put("GITHUB_REPOSITORY", "not a repo");
    assertEquals("GITHUB_REPOSITORY must look like owner/name; cannot comment", resolve().reason());
    env.put("GITHUB_REPOSITORY", "octo/infra");

    env.put("GITHUB_EVENT_PATH", event("[1, 2"));
    GitHubEnvironment.Resolution broken = resolve();
    assertTrue(broken.warning());
    assertTrue(broken.reason().startsWith("cannot read the event payload " + dir.resolve("event.json")), broken.reason());

    env.remove("GITHUB_EVENT_PATH");
    assertEquals("no pull request to comment on: GITHUB_EVENT_PATH is not set and --pr was not given",
        resolve().reason());
  }

  @Test
  void workflowCommandsEscapeTheirData() {
    StringWriter text = new StringWriter();
    LogOutput actions = new LogOutput(new PrintWriter(text), true);
    actions.warning("100% sure\n::error::forged\r");
    LogOutput plain = new LogOutput(new PrintWriter(text), false);
    plain.notice("two\nlines");

    assertEquals("::warning title=roleplan comment::100%25 sure%0A::error::forged%0D\nnotice: two lines\n",
        text.toString());
  }
}
