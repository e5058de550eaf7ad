package dev.roleplan.github;

import java.io.IOException;
import java.util.List;

/** The loopback fake GitHub, opened up for tests in other packages (the CLI's). */
public final class FakeGitHubAccess implements AutoCloseable {

  private final FakeGitHub github;

  public FakeGitHubAccess(String token) throws IOException {
    github = new FakeGitHub(token);
  }

  public String apiUrl() {
    return github.apiUrl().toString();
  }

  public String commentUrl(long id) {
    return "https://github.com/" + FakeGitHub.REPO + "/pull/" + FakeGitHub.PR + "#issuecomment-" + id;
  }

  /** Makes every write answer 403 "Resource not accessible by integration", as for a fork's token. */
  public void forbidWrites() {
    github.writesForbidden = true;
  }

  public List<String> requestLines() {
    return github.requestLines();
  }

  /** The bodies of the comments now on the pull request, oldest first. */
  public List<String> bodies() {
    return github.comments().stream().map(c -> c.body).toList();
  }

  @Override
  public void close() {
    github.close();
  }
}
