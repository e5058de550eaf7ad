package dev.roleplan.github;

import static dev.roleplan.github.FakeGitHub.headers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommentPublisherTest {

  static final String TOKEN = "ghp_T0kenThatMustNeverBePrinted0123456789";
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  static final String USER = "GET /user";
  static final String LIST = "GET /repos/octo/infra/issues/7/comments?per_page=100";
  static final String CREATE = "POST /repos/octo/infra/issues/7/comments";
  static final String GRAPHQL = "POST /graphql";

  static final String FINDINGS = "### roleplan\n\n**1 high** finding\n";
  static final String FEWER = "### roleplan\n\n**1 medium** finding\n";
  static final String CLEAN = "### roleplan\n\nNo findings.\n";

  /** Records notices and warnings, so tests assert exactly what the user would read. */
  static final class RecordingOutput implements Output {
    final List<String> lines = new ArrayList<>();

    @Override
    public void notice(String message) {
      lines.add("notice: " + message);
    }

    @Override
    public void warning(String message) {
      lines.add("warning: " + message);
    }
  }

  FakeGitHub github;
  RecordingOutput output;
  List<Duration> sleeps;
  List<PublishResult> results;
  List<FakeGitHub> servers;

  @BeforeEach
  void start() throws Exception {
    github = new FakeGitHub(TOKEN);
    output = new RecordingOutput();
    sleeps = new ArrayList<>();
    results = new ArrayList<>();
    servers = new ArrayList<>(List.of(github));
  }

  /** Whatever a test did, the token appears in no message, result, or request other than its header. */
  @AfterEach
  void tokenNeverLeaks() {
    try {
      for (String line : output.lines) {
        assertFalse(line.contains(TOKEN), "token in output: " + line);
      }
      for (PublishResult result : results) {
        assertFalse(result.toString().contains(TOKEN), "token in result: " + result);
      }
      for (FakeGitHub server : servers) {
        for (FakeGitHub.Request request : server.requests()) {
          assertFalse(request.target().contains(TOKEN) || request.body().contains(TOKEN), "token in " + request);
        }
      }
    } finally {
      servers.forEach(FakeGitHub::close);
    }
  }

  CommentPublisher publisher() {
    return publisherFor(github, TOKEN);
  }

  CommentPublisher publisherFor(FakeGitHub server, String token) {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    GitHubClient client = new GitHubClient(
        server.apiUrl(), server.graphqlUrl(), token, http, RetryPolicy.DEFAULT, sleeps::add,
        Clock.fixed(NOW, ZoneOffset.UTC), output);
    return new CommentPublisher(client, new PullRequestRef(FakeGitHub.REPO, FakeGitHub.PR), output);
  }

  PublishResult publish(String markdown, String key, Mode mode, OnClean onClean, boolean clean) {
    PublishResult result = publisher().publish(markdown, key, mode, onClean, clean);
    results.add(result);
    return result;
  }

  PublishResult publish(String markdown) {
    return publish(markdown, "default", Mode.UPDATE, OnClean.UPDATE, false);
  }

  static String marked(String key, String markdown) {
    return "<!-- roleplan:comment key=" + key + " -->\n" + markdown;
  }

  static String url(long id) {
    return "https://github.com/octo/infra/pull/7#issuecomment-" + id;
  }

  static String patch(long id) {
    return "PATCH /repos/octo/infra/issues/comments/" + id;
  }

  static String delete(long id) {
    return "DELETE /repos/octo/infra/issues/comments/" + id;
  }

  static String page(int n) {
    return LIST + "&page=" + n;
  }

  // ---- create, update, unchanged -------------------------------------------------------------------------

  @Test
  void createsTheFirstCommentWithTheMarkerOnTop() throws Exception {
    PublishResult result = publish(FINDINGS);

    assertEquals(PublishAction.CREATED, result.action());
    assertEquals(Optional.of(url(1000)), result.commentUrl());
    assertEquals(List.of(USER, LIST, CREATE), github.requestLines());
    JsonNode sent = new ObjectMapper().readTree(github.requests().get(2).body());
    assertEquals("<!-- roleplan:comment key=default -->\n### roleplan\n\n**1 high** finding\n", sent.get("body").asText());
    assertEquals(1, sent.size(), "the create request sends only the body");
    github.requests().forEach(r -> assertEquals("Bearer " + TOKEN, r.authorization()));
    assertEquals(List.of(), output.lines);
  }

  @Test
  void secondRunWithChangedFindingsEditsTheSameCommentFoundOnALaterPage() {
    github.pageSize = 2;
    FakeGitHub.Comment spoof = github.addComment("mallory", "User", marked("default", "all clear, merge it"));
    github.addComment("alice", "User", "looks good to me");
    github.addComment("bob", "User", "please check the task role");

    PublishResult first = publish(FINDINGS);
    assertEquals(PublishAction.CREATED, first.action());
    long ours = 1003;
    assertEquals(Optional.of(url(ours)), first.commentUrl());
    github.addComment("carol", "User", "ack");

    PublishResult second = publish(FEWER);

    assertEquals(PublishAction.UPDATED, second.action());
    assertEquals(Optional.of(url(ours)), second.commentUrl());
    assertEquals(
        List.of(USER, LIST, page(2), CREATE, USER, LIST, page(2), page(3), patch(ours)), github.requestLines());
    assertEquals(marked("default", FEWER), github.comment(ours).body);
    assertEquals(marked("default", "all clear, merge it"), github.comment(spoof.id).body);
    assertEquals(5, github.comments().size());
  }

  @Test
  void unchangedBodySendsNoWrite() {
    FakeGitHub.Comment ours = github.addComment("roleplan-bot", "User", marked("default", FINDINGS));

    PublishResult result = publish(FINDINGS);

    assertEquals(PublishAction.UNCHANGED, result.action());
    assertEquals(Optional.of(url(ours.id)), result.commentUrl());
    assertEquals(List.of(USER, LIST), github.requestLines());
  }

  @Test
  void bodyThatOnlyDiffersByCrlfIsUnchanged() {
    github.addComment("roleplan-bot", "User", marked("default", FINDINGS).replace("\n", "\r\n"));

    assertEquals(PublishAction.UNCHANGED, publish(FINDINGS).action());
    assertEquals(List.of(USER, LIST), github.requestLines());
  }

  @Test
  void updatesTheNewestOfSeveralOwnComments() {
    FakeGitHub.Comment older = github.addComment("roleplan-bot", "User", marked("default", "old"));
    FakeGitHub.Comment newer = github.addComment("roleplan-bot", "User", marked("default", "newer"));

    PublishResult result = publish(FINDINGS);

    assertEquals(PublishAction.UPDATED, result.action());
    assertEquals(List.of(USER, LIST, patch(newer.id)), github.requestLines());
    assertEquals(marked("default", "old"), github.comment(older.id).body);
  }

  // ---- whose comments count -------------------------------------------------------------------------------

  @Test
  void aForeignCommentCarryingTheMarkerIsNeverTouched() {
    FakeGitHub.Comment spoof = github.addComment("mallory", "User", marked("default", FINDINGS));

    PublishResult updated = publish(FEWER);
    PublishResult deleted = publish(CLEAN, "default", Mode.UPDATE, OnClean.DELETE, true);

    assertEquals(PublishAction.CREATED, updated.action());
    assertEquals(PublishAction.DELETED, deleted.action());
    assertEquals(List.of(USER, LIST, CREATE, USER, LIST, delete(1001)), github.requestLines());
    assertEquals(List.of(spoof.id), github.comments().stream().map(c -> c.id).toList());
    assertEquals(marked("default", FINDINGS), github.comment(spoof.id).body);
  }

  @Test
  void theMarkerMustBeTheWholeFirstLine() {
    github.addComment("roleplan-bot", "User", "quoting: " + marked("default", FINDINGS));
    github.addComment("roleplan-bot", "User", marked("default-2", FINDINGS));
    github.addComment("roleplan-bot", "User", "<!-- roleplan:comment key=default -->trailing\n" + FINDINGS);

    assertEquals(PublishAction.CREATED, publish(FINDINGS).action());
    assertEquals(List.of(USER, LIST, CREATE), github.requestLines());
  }

  @Test
  void aBotIdentityOnlyMatchesBotAccounts() {
    IssueComment byUser = new IssueComment(1, "n1", "github-actions[bot]", "User", "", "");
    IssueComment byBot = new IssueComment(2, "n2", "GitHub-Actions[bot]", "Bot", "", "");
    IssueComment byOther = new IssueComment(3, "n3", "github-actions", "Bot", "", "");

    assertFalse(CommentPublisher.writtenBy(byUser, "github-actions[bot]"));
    assertTrue(CommentPublisher.writtenBy(byBot, "github-actions[bot]"));
    assertFalse(CommentPublisher.writtenBy(byOther, "github-actions[bot]"));
    assertTrue(CommentPublisher.writtenBy(new IssueComment(4, "n4", "roleplan-bot", "User", "", ""), "roleplan-bot"));
  }

  @Test
  void theActionsTokenIsIdentifiedThroughGraphqlWhenGetUserIsForbidden() throws Exception {
    github.installationToken = true;
    github.tokenLogin = "github-actions[bot]";
    FakeGitHub.Comment ours = github.addComment("github-actions[bot]", "Bot", marked("default", FINDINGS));
    github.addComment("github-actions", "User", marked("default", FINDINGS));

    PublishResult result = publish(FEWER);

    assertEquals(PublishAction.UPDATED, result.action());
    assertEquals(List.of(USER, GRAPHQL, LIST, patch(ours.id)), github.requestLines());
    assertTrue(github.requests().get(1).body().contains("viewer { login }"));
    assertEquals(List.of(), output.lines);
  }

  @Test
  void whenNoIdentityCanBeLearnedTheActionsBotIsAssumedAndSaid() {
    github.installationToken = true;
    github.tokenLogin = "github-actions[bot]";
    github.enqueue("POST", "/graphql", 200, Map.of(), "{\"errors\":[{\"message\":\"not for this token\"}]}");
    FakeGitHub.Comment ours = github.addComment("github-actions[bot]", "Bot", marked("default", FINDINGS));

    PublishResult result = publish(FEWER);

    assertEquals(PublishAction.UPDATED, result.action());
    assertEquals(List.of(USER, GRAPHQL, LIST, patch(ours.id)), github.requestLines());
    assertEquals(
        List.of("notice: Could not tell which account the GitHub token belongs to (GET /user and GraphQL viewer"
            + " both failed); assuming github-actions[bot], the Actions GITHUB_TOKEN."),
        output.lines);
  }

  // ---- keys -----------------------------------------------------------------------------------------------

  @Test
  void twoCommentKeysKeepSeparateComments() {
    PublishResult prod = publish(FINDINGS, "prod", Mode.UPDATE, OnClean.UPDATE, false);
    PublishResult staging = publish(FINDINGS, "staging", Mode.UPDATE, OnClean.UPDATE, false);
    PublishResult prodAgain = publish(FEWER, "prod", Mode.UPDATE, OnClean.UPDATE, false);
    PublishResult stagingClean = publish(CLEAN, "staging", Mode.UPDATE, OnClean.DELETE, true);

    assertEquals(PublishAction.CREATED, prod.action());
    assertEquals(PublishAction.CREATED, staging.action());
    assertEquals(PublishAction.UPDATED, prodAgain.action());
    assertEquals(PublishAction.DELETED, stagingClean.action());
    assertEquals(
        List.of(USER, LIST, CREATE, USER, LIST, CREATE, USER, LIST, patch(1000), USER, LIST, delete(1001)),
        github.requestLines());
    assertEquals(List.of(marked("prod", FEWER)), github.comments().stream().map(c -> c.body).toList());
  }

  @Test
  void keysThatCouldBreakTheMarkerAreRejected() {
    assertEquals("<!-- roleplan:comment key=infra/prod-eu_1.2 -->", CommentMarker.forKey("infra/prod-eu_1.2").line());
    for (String bad : List.of("", "a b", "x-->", "a--b", "-lead", "é", "a\nb", "x".repeat(101), "<!--")) {
      assertNotNull(CommentMarker.problemWith(bad), "should reject '" + bad + "'");
    }
    assertEquals(
        "the comment key 'a\\u000ab' is not allowed: use 1 to 100 letters, digits, '.', '_', '/' or '-',"
            + " starting with a letter or digit",
        CommentMarker.problemWith("a\nb"));
  }

  // ---- clean reports --------------------------------------------------------------------------------------

  @Test
  void cleanWithDeleteRemovesEveryOwnCommentOfTheKey() {
    FakeGitHub.Comment a = github.addComment("roleplan-bot", "User", marked("default", FINDINGS));
    FakeGitHub.Comment other = github.addComment("roleplan-bot", "User", marked("other", FINDINGS));
    FakeGitHub.Comment b = github.addComment("roleplan-bot", "User", marked("default", FEWER));

    PublishResult result = publish(CLEAN, "default", Mode.UPDATE, OnClean.DELETE, true);

    assertEquals(PublishAction.DELETED, result.action());
    assertEquals(Optional.empty(), result.commentUrl());
    assertEquals(List.of(USER, LIST, delete(a.id), delete(b.id)), github.requestLines());
    assertEquals(List.of(other.id), github.comments().stream().map(c -> c.id).toList());
  }

  @Test
  void cleanWithDeleteAndNoPreviousCommentDoesNothing() {
    PublishResult result = publish(CLEAN, "default", Mode.UPDATE, OnClean.DELETE, true);

    assertEquals(PublishAction.SKIPPED, result.action());
    assertEquals("the report is clean and there is no previous comment to delete", result.detail());
    assertEquals(List.of(USER, LIST), github.requestLines());
  }

  @Test
  void cleanWithSkipPostsNothingWhenThereIsNoPreviousComment() {
    PublishResult result = publish(CLEAN, "default", Mode.UPDATE, OnClean.SKIP, true);

    assertEquals(PublishAction.SKIPPED, result.action());
    assertEquals(List.of(USER, LIST), github.requestLines());
    assertEquals(List.of(), github.comments());
  }

  @Test
  void cleanWithSkipStillBringsAPreviousCommentUpToDate() {
    FakeGitHub.Comment ours = github.addComment("roleplan-bot", "User", marked("default", FINDINGS));

    PublishResult result = publish(CLEAN, "default", Mode.UPDATE, OnClean.SKIP, true);

    assertEquals(PublishAction.UPDATED, result.action());
    assertEquals(List.of(USER, LIST, patch(ours.id)), github.requestLines());
    assertEquals(marked("default", CLEAN), github.comment(ours.id).body);
  }

  @Test
  void cleanWithUpdateCommentsLikeAnyReport() {
    PublishResult result = publish(CLEAN, "default", Mode.UPDATE, OnClean.UPDATE, true);

    assertEquals(PublishAction.CREATED, result.action());
    assertEquals(List.of(marked("default", CLEAN)), github.comments().stream().map(c -> c.body).toList());
  }

  // ---- other modes ----------------------------------------------------------------------------------------

  @Test
  void newModeAlwaysAddsAComment() {
    FakeGitHub.Comment old = github.addComment("roleplan-bot", "User", marked("default", FINDINGS));

    PublishResult result = publish(FINDINGS, "default", Mode.NEW, OnClean.UPDATE, false);

    assertEquals(PublishAction.CREATED, result.action());
    assertEquals(List.of(USER, LIST, CREATE), github.requestLines());
    assertEquals(marked("default", FINDINGS), github.comment(old.id).body);
  }

  @Test
  void hideAndNewCreatesFirstThenMinimizesOnlyCommentsNotAlreadyHidden() throws Exception {
    FakeGitHub.Comment hiddenBefore = github.addComment("roleplan-bot", "User", marked("default", "older"));
    github.markMinimized(hiddenBefore.nodeId());
    FakeGitHub.Comment visible = github.addComment("roleplan-bot", "User", marked("default", FINDINGS));
    github.addComment("mallory", "User", marked("default", FINDINGS));

    PublishResult result = publish(FEWER, "default", Mode.HIDE_AND_NEW, OnClean.UPDATE, false);

    assertEquals(PublishAction.HIDDEN_AND_CREATED, result.action());
    assertEquals(Optional.of(url(1003)), result.commentUrl());
    assertEquals(List.of(USER, LIST, GRAPHQL, CREATE, GRAPHQL), github.requestLines());
    ObjectMapper json = new ObjectMapper();
    JsonNode lookup = json.readTree(github.requests().get(2).body());
    assertEquals(
        "{\"ids\":[\"" + hiddenBefore.nodeId() + "\",\"" + visible.nodeId() + "\"]}",
        lookup.get("variables").toString());
    JsonNode minimize = json.readTree(github.requests().get(4).body());
    assertEquals(
        "mutation($id: ID!) { minimizeComment(input: {subjectId: $id, classifier: OUTDATED})"
            + " { minimizedComment { isMinimized } } }",
        minimize.get("query").asText());
    assertEquals("{\"id\":\"" + visible.nodeId() + "\"}", minimize.get("variables").toString());
    assertEquals(Set.of(hiddenBefore.nodeId(), visible.nodeId()), github.minimized());
    assertEquals(4, github.comments().size());
  }

  @Test
  void hideAndNewStillHidesWhenTheMinimizedLookupFails() {
    FakeGitHub.Comment old = github.addComment("roleplan-bot", "User", marked("default", FINDINGS));
    github.enqueue("POST", "/graphql", 502, Map.of(), "{\"message\":\"Server Error\"}");
    for (int i = 0; i < 4; i++) {
      github.enqueue("POST", "/graphql", 502, Map.of(), "{\"message\":\"Server Error\"}");
    }

    PublishResult result = publish(FEWER, "default", Mode.HIDE_AND_NEW, OnClean.UPDATE, false);

    assertEquals(PublishAction.HIDDEN_AND_CREATED, result.action());
    assertEquals(List.of(USER, LIST, GRAPHQL, GRAPHQL, GRAPHQL, GRAPHQL, GRAPHQL, CREATE, GRAPHQL),
        github.requestLines());
    assertEquals(Set.of(old.nodeId()), github.minimized());
  }

  @Test
  void hideAndNewWithNothingToHideJustCreates() {
    PublishResult result = publish(FINDINGS, "default", Mode.HIDE_AND_NEW, OnClean.UPDATE, false);

    assertEquals(PublishAction.CREATED, result.action());
    assertEquals(List.of(USER, LIST, CREATE), github.requestLines());
  }

  @Test
  void deleteAndNewCreatesFirstThenDeletesTheOldOnes() {
    FakeGitHub.Comment a = github.addComment("roleplan-bot", "User", marked("default", "a"));
    FakeGitHub.Comment b = github.addComment("roleplan-bot", "User", marked("default", "b"));

    PublishResult result = publish(FINDINGS, "default", Mode.DELETE_AND_NEW, OnClean.UPDATE, false);

    assertEquals(PublishAction.DELETED_AND_CREATED, result.action());
    assertEquals(List.of(USER, LIST, CREATE, delete(a.id), delete(b.id)), github.requestLines());
    assertEquals(List.of(marked("default", FINDINGS)), github.comments().stream().map(c -> c.body).toList());
  }

  @Test
  void offSendsNoRequestAtAll() {
    PublishResult result = publish(FINDINGS, "default", Mode.OFF, OnClean.UPDATE, false);

    assertEquals(PublishAction.SKIPPED, result.action());
    assertEquals(List.of(), github.requestLines());
  }

  @Test
  void previewReadsButNeverWrites() {
    FakeGitHub.Comment ours = github.addComment("roleplan-bot", "User", marked("default", FINDINGS));

    PublishResult result = publisher().preview(FEWER, "default", Mode.UPDATE, OnClean.UPDATE, false);
    results.add(result);

    assertEquals(PublishAction.UPDATED, result.action());
    assertTrue(result.dryRun());
    assertEquals("would edit comment " + ours.id, result.detail());
    assertEquals(List.of(USER, LIST), github.requestLines());
    assertEquals(marked("default", FINDINGS), github.comment(ours.id).body);
  }

  @Test
  void anOversizedReportBecomesAShortNoteInsteadOfA422() {
    String huge = "x".repeat(70_000);

    PublishResult result = publish(huge);

    assertEquals(PublishAction.CREATED, result.action());
    assertEquals(
        marked("default", "### roleplan\n\nThe report is too large for a pull-request comment (70038 bytes)."
            + " See the job summary of the workflow run for the full report.\n"),
        github.comments().get(0).body);
    assertEquals(
        List.of("warning: the roleplan report is too large for a pull-request comment (70038 bytes; GitHub allows"
            + " 65536 characters); the comment says so and points at the job summary"),
        output.lines);
  }

  // ---- failures -------------------------------------------------------------------------------------------

  @Test
  void aForksReadOnlyTokenFallsBackWithANoticeAndNoRetry() {
    github.writesForbidden = true;

    PublishResult result = publish(FINDINGS);

    assertEquals(PublishAction.FELL_BACK, result.action());
    assertEquals(Optional.empty(), result.commentUrl());
    assertEquals(List.of(USER, LIST, CREATE), github.requestLines());
    assertEquals(List.of(), sleeps);
    assertEquals(
        List.of("notice: " + CommentPublisher.FORK_NOTICE + " (POST /repos/octo/infra/issues/7/comments returned"
            + " HTTP 403: Resource not accessible by integration)"),
        output.lines);
  }

  @Test
  void aForksTokenAlsoFallsBackWhenItWouldEditOrDelete() {
    github.addComment("roleplan-bot", "User", marked("default", FINDINGS));
    github.writesForbidden = true;

    assertEquals(PublishAction.FELL_BACK, publish(FEWER).action());
    assertEquals(PublishAction.FELL_BACK, publish(CLEAN, "default", Mode.UPDATE, OnClean.DELETE, true).action());
    assertEquals(List.of(USER, LIST, patch(1000), USER, LIST, delete(1000)), github.requestLines());
  }

  @Test
  void a502IsRetriedAndTheCommentCreatedOnce() {
    github.enqueue("POST", "/repos/octo/infra/issues/7/comments", 502, Map.of(), "{\"message\":\"Server Error\"}");

    PublishResult result = publish(FINDINGS);

    assertEquals(PublishAction.CREATED, result.action());
    assertEquals(List.of(USER, LIST, CREATE, CREATE), github.requestLines());
    assertEquals(List.of(Duration.ofSeconds(1)), sleeps);
    assertEquals(1, github.comments().size());
    assertEquals(List.of(), output.lines);
  }

  @Test
  void a429WaitsAsLongAsRetryAfterSays() {
    github.enqueue("GET", "/repos/octo/infra/issues/7/comments.*", 429, headers("Retry-After", "7"),
        "{\"message\":\"Too Many Requests\"}");

    PublishResult result = publish(FINDINGS);

    assertEquals(PublishAction.CREATED, result.action());
    assertEquals(List.of(USER, LIST, LIST, CREATE), github.requestLines());
    assertEquals(List.of(Duration.ofSeconds(7)), sleeps);
  }

  @Test
  void aSecondaryRateLimit403IsRetriedNotTakenForAFork() {
    FakeGitHub.Comment ours = github.addComment("roleplan-bot", "User", marked("default", FINDINGS));
    github.enqueue("PATCH", "/repos/octo/infra/issues/comments/\\d+", 403, headers("retry-after", "3"),
        "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\"}");

    PublishResult result = publish(FEWER);

    assertEquals(PublishAction.UPDATED, result.action());
    assertEquals(List.of(USER, LIST, patch(ours.id), patch(ours.id)), github.requestLines());
    assertEquals(List.of(Duration.ofSeconds(3)), sleeps);
  }

  @Test
  void aSecondaryRateLimitWithoutRetryAfterBacksOff() {
    github.enqueue("POST", "/repos/octo/infra/issues/7/comments", 403, Map.of(),
        "{\"message\":\"You have exceeded a secondary rate limit and have been temporarily blocked\"}");
    github.enqueue("POST", "/repos/octo/infra/issues/7/comments", 403, Map.of(),
        "{\"message\":\"You have exceeded a secondary rate limit and have been temporarily blocked\"}");

    assertEquals(PublishAction.CREATED, publish(FINDINGS).action());
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeps);
  }

  @Test
  void anExhaustedRateLimitWaitsUntilTheReset() {
    long reset = NOW.getEpochSecond() + 20;
    github.enqueue("GET", "/user", 403,
        headers("x-ratelimit-remaining", "0", "x-ratelimit-reset", Long.toString(reset)),
        "{\"message\":\"API rate limit exceeded for user ID 1.\"}");

    assertEquals(PublishAction.CREATED, publish(FINDINGS).action());
    assertEquals(List.of(USER, USER, LIST, CREATE), github.requestLines());
    assertEquals(List.of(Duration.ofSeconds(21)), sleeps);
  }

  @Test
  void retriesStopAfterFiveAttemptsWithAWarning() {
    for (int i = 0; i < 5; i++) {
      github.enqueue("POST", "/repos/octo/infra/issues/7/comments", 502, Map.of(), "<html>Bad Gateway</html>");
    }

    PublishResult result = publish(FINDINGS);

    assertEquals(PublishAction.FAILED, result.action());
    assertEquals(List.of(USER, LIST, CREATE, CREATE, CREATE, CREATE, CREATE), github.requestLines());
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8)),
        sleeps);
    assertEquals(
        List.of("warning: roleplan could not publish the pull-request comment on octo/infra#7:"
            + " POST /repos/octo/infra/issues/7/comments returned HTTP 502: (gave up after 5 attempts)."
            + " The exit code is unchanged."),
        output.lines);
    assertEquals(List.of(), github.comments());
  }

  @Test
  void aWaitLongerThanTheBudgetIsNotServed() {
    github.enqueue("GET", "/repos/octo/infra/issues/7/comments.*", 429, headers("Retry-After", "3600"),
        "{\"message\":\"Too Many Requests\"}");

    PublishResult result = publish(FINDINGS);

    assertEquals(PublishAction.FAILED, result.action());
    assertEquals(List.of(), sleeps);
    assertEquals(List.of(USER, LIST), github.requestLines());
    assertEquals(
        "GET /repos/octo/infra/issues/7/comments?per_page=100 returned HTTP 429: Too Many Requests (GitHub asked"
            + " to wait 3600 s, more than the remaining retry budget of 60 s)",
        result.detail());
  }

  @Test
  void clientErrorsAreNotRetried() {
    github.addComment("roleplan-bot", "User", marked("default", FINDINGS));
    github.enqueue("PATCH", "/repos/octo/infra/issues/comments/\\d+", 422, Map.of(),
        "{\"message\":\"Validation Failed\",\"errors\":[{\"field\":\"body\"}]}");

    PublishResult result = publish(FEWER);

    assertEquals(PublishAction.FAILED, result.action());
    assertEquals(List.of(USER, LIST, patch(1000)), github.requestLines());
    assertEquals(List.of(), sleeps);
    assertEquals("PATCH /repos/octo/infra/issues/comments/1000 returned HTTP 422: Validation Failed", result.detail());
  }

  @Test
  void badCredentialsFailWithoutGuessingAndWithoutTheToken() {
    PublishResult result = publisherFor(github, TOKEN + "-wrong").publish(FINDINGS, "default", Mode.UPDATE,
        OnClean.UPDATE, false);
    results.add(result);

    assertEquals(PublishAction.FAILED, result.action());
    assertEquals("GET /user returned HTTP 401: Bad credentials", result.detail());
    assertEquals(List.of(USER), github.requestLines());
    output.lines.forEach(line -> assertFalse(line.contains(TOKEN + "-wrong")));
  }

  @Test
  void aServerThatEchoesTheTokenStillCannotGetItPrinted() {
    for (int i = 0; i < 5; i++) {
      github.enqueue("GET", "/user", 500, Map.of(), "{\"message\":\"token " + TOKEN + " is broken\"}");
    }

    PublishResult result = publish(FINDINGS);

    assertEquals(PublishAction.FAILED, result.action());
    assertEquals("GET /user returned HTTP 500: token *** is broken (gave up after 5 attempts)", result.detail());
  }

  @Test
  void aPaginationLinkToAnotherHostIsNeverFollowed() throws Exception {
    FakeGitHub elsewhere = new FakeGitHub(TOKEN);
    servers.add(elsewhere);
    github.pageSize = 1;
    github.nextLinkOrigin = elsewhere.origin();
    github.addComment("alice", "User", "first");
    github.addComment("roleplan-bot", "User", marked("default", FINDINGS));

    PublishResult result = publish(FEWER);

    assertEquals(PublishAction.FAILED, result.action());
    assertEquals(List.of(USER, LIST), github.requestLines());
    assertEquals(List.of(), elsewhere.requestLines());
    assertEquals(
        "GET /repos/octo/infra/issues/7/comments?per_page=100 failed: refusing to follow a pagination link to "
            + elsewhere.origin() + ", which is not the API at " + github.apiUrl() + " (the token is only sent there)",
        result.detail());
  }

  // ---- GitHub Enterprise Server ---------------------------------------------------------------------------

  @Test
  void enterpriseServerPathsAreUsedForRestAndGraphql() throws Exception {
    FakeGitHub ghes = new FakeGitHub(TOKEN, "/api/v3", "/api/graphql");
    servers.add(ghes);
    FakeGitHub.Comment old = ghes.addComment("roleplan-bot", "User", marked("default", FINDINGS));

    PublishResult result = publisherFor(ghes, TOKEN).publish(FEWER, "default", Mode.HIDE_AND_NEW, OnClean.UPDATE,
        false);
    results.add(result);

    assertEquals(PublishAction.HIDDEN_AND_CREATED, result.action());
    assertEquals(
        List.of("GET /api/v3/user", "GET /api/v3/repos/octo/infra/issues/7/comments?per_page=100",
            "POST /api/graphql", "POST /api/v3/repos/octo/infra/issues/7/comments", "POST /api/graphql"),
        ghes.requestLines());
    assertEquals(Set.of(old.nodeId()), ghes.minimized());
    assertEquals(List.of(), github.requestLines());
    assertEquals(URI.create("https://ghe.example.com/api/graphql"),
        GitHubEnvironment.graphqlFor(URI.create("https://ghe.example.com/api/v3")));
    assertEquals(URI.create("https://api.github.com/graphql"),
        GitHubEnvironment.graphqlFor(URI.create("https://api.github.com")));
  }

  @Test
  void theClientAndTargetNeverPrintTheToken() {
    GitHubClient client = GitHubClient.create(github.apiUrl(), github.graphqlUrl(), TOKEN, sleeps::add, output);
    GitHubTarget target = new GitHubTarget(github.apiUrl(), github.graphqlUrl(), TOKEN,
        new PullRequestRef(FakeGitHub.REPO, FakeGitHub.PR));

    assertFalse(client.toString().contains(TOKEN));
    assertFalse(target.toString().contains(TOKEN));
    assertEquals("GitHubTarget[apiUrl=" + github.apiUrl() + ", graphqlUrl=" + github.graphqlUrl()
        + ", pullRequest=octo/infra#7]", target.toString());
  }
}
