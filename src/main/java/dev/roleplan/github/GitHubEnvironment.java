package dev.roleplan.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads where to comment from the GitHub Actions environment (given as a map, so tests control it):
 * {@code GITHUB_API_URL} (GitHub Enterprise Server sets {@code https://HOST/api/v3}; default
 * {@code https://api.github.com}), {@code GITHUB_GRAPHQL_URL} (else derived from the API URL),
 * {@code GITHUB_REPOSITORY}, {@code GITHUB_TOKEN}, and the pull request number from the event payload at
 * {@code GITHUB_EVENT_PATH}: {@code pull_request.number} (pull_request, pull_request_target), or
 * {@code issue.number} when the issue is a pull request (issue_comment). {@code --pr} overrides the payload.
 *
 * <p>When something is missing the result says why and whether that deserves a warning (no token, a broken
 * setting) or only a notice (the event has no pull request, as on push or merge_group).
 */
public final class GitHubEnvironment {

  public static final String DEFAULT_API_URL = "https://api.github.com";

  /** A target, or the reason there is none. */
  public record Resolution(Optional<GitHubTarget> target, String reason, boolean warning) {

    public Resolution {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(reason, "reason");
    }

    static Resolution found(GitHubTarget target) {
      return new Resolution(Optional.of(target), "", false);
    }

    static Resolution notice(String reason) {
      return new Resolution(Optional.empty(), reason, false);
    }

    static Resolution warning(String reason) {
      return new Resolution(Optional.empty(), reason, true);
    }
  }

  private GitHubEnvironment() {}

  public static Resolution resolve(Map<String, String> env, Optional<Integer> pullRequestOverride) {
    Optional<Integer> number = pullRequestOverride;
    if (number.isEmpty()) {
      String eventPath = value(env, "GITHUB_EVENT_PATH");
      if (eventPath.isEmpty()) {
        return Resolution.notice(
            "no pull request to comment on: GITHUB_EVENT_PATH is not set and --pr was not given");
      }
      try {
        number = pullRequestNumber(Path.of(eventPath));
      } catch (IOException | RuntimeException e) {
        return Resolution.warning("cannot read the event payload " + eventPath + ": " + e.getMessage());
      }
      if (number.isEmpty()) {
        String event = value(env, "GITHUB_EVENT_NAME");
        return Resolution.notice(
            "the " + (event.isEmpty() ? "current" : event) + " event is not about a pull request (pass --pr N to"
                + " name one); not commenting");
      }
    }
    String repository = value(env, "GITHUB_REPOSITORY");
    if (!PullRequestRef.isRepository(repository)) {
      return Resolution.warning(
          repository.isEmpty()
              ? "GITHUB_REPOSITORY is not set; cannot comment"
              : "GITHUB_REPOSITORY must look like owner/name; cannot comment");
    }
    String token = value(env, "GITHUB_TOKEN");
    if (token.isBlank()) {
      return Resolution.warning(
          "GITHUB_TOKEN is not set; cannot comment (give the step the token, e.g. env: GITHUB_TOKEN:"
              + " ${{ github.token }}, with permissions: pull-requests: write)");
    }
    String apiText = value(env, "GITHUB_API_URL");
    Optional<URI> api = httpUrl(apiText.isEmpty() ? DEFAULT_API_URL : apiText);
    if (api.isEmpty()) {
      return Resolution.warning("GITHUB_API_URL is not an http(s) URL without credentials; cannot comment");
    }
    String graphqlText = value(env, "GITHUB_GRAPHQL_URL");
    Optional<URI> graphql = graphqlText.isEmpty() ? Optional.of(graphqlFor(api.get())) : httpUrl(graphqlText);
    if (graphql.isEmpty()) {
      return Resolution.warning("GITHUB_GRAPHQL_URL is not an http(s) URL without credentials; cannot comment");
    }
    return Resolution.found(
        new GitHubTarget(api.get(), graphql.get(), token, new PullRequestRef(repository, number.get())));
  }

  /** GitHub.com serves GraphQL at /graphql; Enterprise Server at /api/graphql beside /api/v3. */
  static URI graphqlFor(URI api) {
    String text = api.toString().replaceAll("/+$", "");
    if (text.endsWith("/api/v3")) {
      return URI.create(text.substring(0, text.length() - "/api/v3".length()) + "/api/graphql");
    }
    return URI.create(text + "/graphql");
  }

  private static Optional<Integer> pullRequestNumber(Path eventPath) throws IOException {
    JsonNode event = new ObjectMapper().readTree(Files.readString(eventPath));
    if (event == null || !event.isObject()) {
      throw new IOException("not a JSON object");
    }
    JsonNode pullRequest = event.path("pull_request").path("number");
    if (pullRequest.canConvertToInt() && pullRequest.isIntegralNumber() && pullRequest.intValue() > 0) {
      return Optional.of(pullRequest.intValue());
    }
    JsonNode issue = event.path("issue");
    JsonNode issueNumber = issue.path("number");
    if (issue.has("pull_request") && issueNumber.isIntegralNumber() && issueNumber.canConvertToInt()
        && issueNumber.intValue() > 0) {
      return Optional.of(issueNumber.intValue());
    }
    return Optional.empty();
  }

  private static Optional<URI> httpUrl(String text) {
    try {
      URI uri = new URI(text);
      boolean http = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
      if (!http || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
          || uri.getRawFragment() != null) {
        return Optional.empty();
      }
      return Optional.of(uri);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static String value(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null ? "" : value.strip();
  }
}
