package dev.roleplan.github;

import java.net.URI;
import java.util.Objects;

/** Everything needed to reach the pull request: API endpoints, the token and the pull request itself. */
public record GitHubTarget(URI apiUrl, URI graphqlUrl, String token, PullRequestRef pullRequest) {

  public GitHubTarget {
    Objects.requireNonNull(apiUrl, "apiUrl");
    Objects.requireNonNull(graphqlUrl, "graphqlUrl");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(pullRequest, "pullRequest");
  }

  /** Never prints the token (the record's generated toString would). */
  @Override
  public String toString() {
    return "GitHubTarget[apiUrl=" + apiUrl + ", graphqlUrl=" + graphqlUrl + ", pullRequest=" + pullRequest + "]";
  }
}
