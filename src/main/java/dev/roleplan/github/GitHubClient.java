package dev.roleplan.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few GitHub REST and GraphQL calls the comment publisher needs, over {@code java.net.http}.
 *
 * <p>Every request carries the token in the Authorization header and nowhere else; error messages name the
 * method and path only. Requests are retried on 5xx, 429 and secondary rate limits (a 403 that says "rate
 * limit", or carries {@code retry-after}, or {@code x-ratelimit-remaining: 0}), honouring
 * {@code Retry-After} and {@code x-ratelimit-reset}, within the {@link RetryPolicy}. Pagination follows
 * {@code Link: rel="next"} only while it points at the same API (scheme, host, port and path prefix), so the
 * token is never sent to another host. Redirects are not followed, for the same reason.
 */
public final class GitHubClient {

  /** The login the Actions GITHUB_TOKEN writes comments as (REST {@code user.login}). */
  public static final String ACTIONS_BOT_LOGIN = "github-actions[bot]";

  private static final int MAX_PAGES = 100;
  private static final int MAX_MESSAGE_CHARS = 300;
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern LINK_NEXT = Pattern.compile("<([^>]*)>\\s*;[^,]*rel=\"?next\"?");

  private final URI apiBase;
  private final URI graphqlUrl;
  private final String token;
  private final HttpClient http;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Output output;
  private final ObjectMapper json = new ObjectMapper();

  public GitHubClient(
      URI apiBase,
      URI graphqlUrl,
      String token,
      HttpClient http,
      RetryPolicy retry,
      Sleeper sleeper,
      Clock clock,
      Output output) {
    this.apiBase = withoutTrailingSlash(Objects.requireNonNull(apiBase, "apiBase"));
    this.graphqlUrl = Objects.requireNonNull(graphqlUrl, "graphqlUrl");
    this.token = Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("the GitHub token is empty");
    }
    this.http = Objects.requireNonNull(http, "http");
    this.retry = Objects.requireNonNull(retry, "retry");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.output = Objects.requireNonNull(output, "output");
  }

  /** A client with the JDK's HTTP client (no redirects, 10 s connect timeout) and the default retry policy. */
  public static GitHubClient create(URI apiBase, URI graphqlUrl, String token, Sleeper sleeper, Output output) {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return new GitHubClient(
        apiBase, graphqlUrl, token, http, RetryPolicy.DEFAULT, sleeper, Clock.systemUTC(), output);
  }

  public URI apiBase() {
    return apiBase;
  }

  /**
   * The login of the account the token acts as, so that only that account's comments are ever edited.
   *
   * <p>A personal access token answers {@code GET /user}. The Actions GITHUB_TOKEN (an installation token)
   * gets 403 there; GraphQL {@code viewer} answers for it with {@code github-actions[bot]}, which is also
   * the REST {@code user.login} of the comments it writes. If both fail, the account is assumed to be
   * {@code github-actions[bot]}, the same fallback dflook/terraform-github-actions uses, and a notice says so.
   * A 401 (bad credentials) is not guessed around: every later call would fail too.
   */
  public String tokenLogin() throws GitHubApiException {
    try {
      String login = get(uri("/user")).path("login").asText("");
      if (!login.isEmpty()) {
        return login;
      }
    } catch (GitHubApiException e) {
      if (e.status() != 403) {
        throw e;
      }
    }
    try {
      String login = graphql("query { viewer { login } }", Map.of(), false).path("viewer").path("login").asText("");
      if (!login.isEmpty()) {
        return login;
      }
    } catch (GitHubApiException e) {
      // fall through to the documented assumption below
    }
    output.notice(
        "Could not tell which account the GitHub token belongs to (GET /user and GraphQL viewer both failed);"
            + " assuming " + ACTIONS_BOT_LOGIN + ", the Actions GITHUB_TOKEN.");
    return ACTIONS_BOT_LOGIN;
  }

  /** Every conversation comment on issue or pull request {@code number}, oldest first, across all pages. */
  public List<IssueComment> listIssueComments(String repository, int number) throws GitHubApiException {
    List<IssueComment> comments = new ArrayList<>();
    Set<URI> visited = new HashSet<>();
    URI next = uri("/repos/" + repository + "/issues/" + number + "/comments?per_page=100");
    while (next != null) {
      if (!visited.add(next) || visited.size() > MAX_PAGES) {
        throw new GitHubApiException(
            "GET " + describe(next), 0, "pagination did not end after " + visited.size() + " pages", false);
      }
      HttpResponse<String> response = send("GET", next, null, false);
      JsonNode page = parse(response, "GET " + describe(next));
      if (!page.isArray()) {
        throw new GitHubApiException("GET " + describe(next), response.statusCode(), "expected a JSON array", false);
      }
      for (JsonNode node : page) {
        comments.add(toComment(node));
      }
      next = nextPage(response.headers(), "GET " + describe(next));
    }
    return comments;
  }

  public IssueComment createIssueComment(String repository, int number, String body) throws GitHubApiException {
    URI target = uri("/repos/" + repository + "/issues/" + number + "/comments");
    return toComment(parse(send("POST", target, bodyJson(body), true), "POST " + describe(target)));
  }

  public IssueComment updateIssueComment(String repository, long commentId, String body) throws GitHubApiException {
    URI target = uri("/repos/" + repository + "/issues/comments/" + commentId);
    return toComment(parse(send("PATCH", target, bodyJson(body), true), "PATCH " + describe(target)));
  }

  public void deleteIssueComment(String repository, long commentId) throws GitHubApiException {
    send("DELETE", uri("/repos/" + repository + "/issues/comments/" + commentId), null, true);
  }

  /** Minimizes (hides) a comment as outdated. REST has no such call; GraphQL {@code minimizeComment} does. */
  public void minimizeComment(String nodeId) throws GitHubApiException {
    graphql(
        "mutation($id: ID!) { minimizeComment(input: {subjectId: $id, classifier: OUTDATED})"
            + " { minimizedComment { isMinimized } } }",
        Map.<String, Object>of("id", nodeId),
        true);
  }

  /** Which of the given comments are already minimized, so hiding does not repeat itself on every run. */
  public Set<String> minimizedAmong(List<String> nodeIds) throws GitHubApiException {
    Set<String> minimized = new HashSet<>();
    if (nodeIds.isEmpty()) {
      return minimized;
    }
    JsonNode data =
        graphql(
            "query($ids: [ID!]!) { nodes(ids: $ids) { ... on IssueComment { id isMinimized } } }",
            Map.<String, Object>of("ids", nodeIds),
            false);
    for (JsonNode node : data.path("nodes")) {
      if (node.path("isMinimized").asBoolean(false)) {
        minimized.add(node.path("id").asText());
      }
    }
    return minimized;
  }

  @Override
  public String toString() {
    return "GitHubClient[" + apiBase + "]";
  }

  private JsonNode get(URI target) throws GitHubApiException {
    return parse(send("GET", target, null, false), "GET " + describe(target));
  }

  private JsonNode graphql(String query, Map<String, Object> variables, boolean write) throws GitHubApiException {
    ObjectNode request = json.createObjectNode();
    request.put("query", query);
    request.set("variables", json.valueToTree(new TreeMap<>(variables)));
    String description = "POST " + describe(graphqlUrl);
    HttpResponse<String> response = send("POST", graphqlUrl, request.toString(), write);
    JsonNode answer = parse(response, description);
    JsonNode errors = answer.path("errors");
    if (errors.isArray() && !errors.isEmpty()) {
      JsonNode first = errors.get(0);
      String message = clean(first.path("message").asText("GraphQL error"));
      boolean forbidden =
          "FORBIDDEN".equals(first.path("type").asText()) || message.contains(GitHubApiException.NOT_ACCESSIBLE);
      throw new GitHubApiException(description, forbidden ? 403 : response.statusCode(), message, write);
    }
    return answer.path("data");
  }

  private HttpResponse<String> send(String method, URI target, String body, boolean write)
      throws GitHubApiException {
    String request = method + " " + describe(target);
    Duration waited = Duration.ZERO;
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> response;
      try {
        response = http.send(build(method, target, body), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        String problem = "network error (" + e.getClass().getSimpleName() + ": " + clean(String.valueOf(e.getMessage())) + ")";
        waited = waitOrGiveUp(request, 0, problem, write, attempt, retry.backoffAfter(attempt), waited);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new GitHubApiException(request, 0, "interrupted", write);
      }
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return response;
      }
      String message = apiMessage(response.body());
      if (!isRetriable(status, response.headers(), message)) {
        throw new GitHubApiException(request, status, message, write);
      }
      waited = waitOrGiveUp(request, status, message, write, attempt, waitBefore(response.headers(), attempt), waited);
    }
  }

  /** Sleeps before the next attempt, or throws when attempts or the wait budget are used up. */
  private Duration waitOrGiveUp(
      String request, int status, String message, boolean write, int attempt, Duration wait, Duration waited)
      throws GitHubApiException {
    if (attempt >= retry.maxAttempts()) {
      throw new GitHubApiException(request, status, withNote(message, "(gave up after " + attempt + " attempts)"), write);
    }
    if (waited.plus(wait).compareTo(retry.maxTotalWait()) > 0) {
      throw new GitHubApiException(
          request,
          status,
          withNote(message, "(GitHub asked to wait " + wait.toSeconds() + " s, more than the remaining retry budget of "
              + retry.maxTotalWait().minus(waited).toSeconds() + " s)"),
          write);
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitHubApiException(request, status, withNote(message, "(interrupted while waiting to retry)"), write);
    }
    return waited.plus(wait);
  }

  private static String withNote(String message, String note) {
    return message.isEmpty() ? note : message + " " + note;
  }

  private static boolean isRetriable(int status, HttpHeaders headers, String message) {
    if (status >= 500 || status == 429) {
      return true;
    }
    if (status == 403) {
      return headers.firstValue("retry-after").isPresent()
          || headers.firstValue("x-ratelimit-remaining").map(String::trim).filter("0"::equals).isPresent()
          || message.toLowerCase(Locale.ROOT).contains("rate limit");
    }
    return false;
  }

  /** Retry-After (seconds or an HTTP date), else x-ratelimit-reset when the limit is used up, else backoff. */
  private Duration waitBefore(HttpHeaders headers, int attempt) {
    Optional<String> retryAfter = headers.firstValue("retry-after").map(String::trim);
    if (retryAfter.isPresent()) {
      Optional<Duration> wait = parseRetryAfter(retryAfter.get());
      if (wait.isPresent()) {
        return wait.get();
      }
    }
    boolean exhausted = headers.firstValue("x-ratelimit-remaining").map(String::trim).filter("0"::equals).isPresent();
    Optional<String> reset = headers.firstValue("x-ratelimit-reset").map(String::trim);
    if (exhausted && reset.isPresent() && reset.get().matches("\\d{1,12}")) {
      Duration untilReset = Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(reset.get())));
      if (!untilReset.isNegative()) {
        return untilReset.plusSeconds(1); // the reset second itself may still be limited
      }
    }
    return retry.backoffAfter(attempt);
  }

  private Optional<Duration> parseRetryAfter(String value) {
    if (value.matches("\\d{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(clock.instant(), at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private HttpRequest build(String method, URI target, String body) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(target)
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/vnd.github+json")
            .header("X-GitHub-Api-Version", "2022-11-28")
            .header("User-Agent", "roleplan");
    if (body == null) {
      return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
    return builder
        .header("Content-Type", "application/json; charset=utf-8")
        .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
  }

  private URI nextPage(HttpHeaders headers, String request) throws GitHubApiException {
    for (String link : headers.allValues("link")) {
      Matcher matcher = LINK_NEXT.matcher(link);
      if (matcher.find()) {
        URI next;
        try {
          next = URI.create(matcher.group(1));
        } catch (IllegalArgumentException e) {
          throw new GitHubApiException(request, 0, "the Link header's next page is not a valid URL", false);
        }
        if (!sameApi(next)) {
          throw new GitHubApiException(
              request,
              0,
              "refusing to follow a pagination link to " + next.getScheme() + "://" + next.getAuthority()
                  + ", which is not the API at " + apiBase + " (the token is only sent there)",
              false);
        }
        return next;
      }
    }
    return null;
  }

  private boolean sameApi(URI candidate) {
    return candidate.isAbsolute()
        && apiBase.getScheme().equalsIgnoreCase(candidate.getScheme())
        && apiBase.getHost() != null
        && apiBase.getHost().equalsIgnoreCase(candidate.getHost())
        && effectivePort(apiBase) == effectivePort(candidate)
        && candidate.getRawUserInfo() == null
        && (candidate.getRawPath() + "/").startsWith(apiBase.getRawPath() + "/");
  }

  private static int effectivePort(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private JsonNode parse(HttpResponse<String> response, String request) throws GitHubApiException {
    try {
      return json.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new GitHubApiException(request, response.statusCode(), "the response is not JSON", false);
    }
  }

  private IssueComment toComment(JsonNode node) {
    return new IssueComment(
        node.path("id").asLong(),
        node.path("node_id").asText(""),
        node.path("user").path("login").asText(""),
        node.path("user").path("type").asText(""),
        node.path("body").asText(""),
        node.path("html_url").asText(""));
  }

  private String bodyJson(String body) {
    return json.createObjectNode().put("body", body).toString();
  }

  /** GitHub's {@code message} from an error body, cleaned for printing; empty when there is none. */
  private String apiMessage(String body) {
    try {
      JsonNode node = json.readTree(body);
      if (node != null && node.path("message").isTextual()) {
        return clean(node.path("message").asText());
      }
    } catch (JsonProcessingException e) {
      // not JSON (a proxy's HTML page, say): say nothing rather than echo it
    }
    return "";
  }

  /** One line, bounded, without control characters and, whatever happens, without the token. */
  private String clean(String text) {
    String cleaned = text.replace(token, "***").replaceAll("[\\p{Cntrl}\\p{Cf}]+", " ").strip();
    return cleaned.length() > MAX_MESSAGE_CHARS ? cleaned.substring(0, MAX_MESSAGE_CHARS) + "…" : cleaned;
  }

  private URI uri(String pathAndQuery) {
    return URI.create(apiBase + pathAndQuery);
  }

  /** The path (and query) of a request, for messages: never the host's credentials or the token. */
  private static String describe(URI target) {
    String query = target.getRawQuery();
    return target.getRawPath() + (query == null ? "" : "?" + query);
  }

  private static URI withoutTrailingSlash(URI uri) {
    String text = uri.toString();
    return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
  }
}
