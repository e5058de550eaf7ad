package dev.roleplan.github;

/**
 * A GitHub request that did not succeed, after any retries. The message names the request (method and
 * path, never the host's credentials) and GitHub's own message; it never contains the token, which is only
 * ever placed in the Authorization header.
 */
public final class GitHubApiException extends Exception {

  private static final long serialVersionUID = 1L;

  /** GitHub's wording when an Actions token lacks a permission, as on pull requests from forks. */
  static final String NOT_ACCESSIBLE = "Resource not accessible by integration";

  private final int status;
  private final String apiMessage;
  private final boolean write;

  GitHubApiException(String request, int status, String apiMessage, boolean write) {
    super(describe(request, status, apiMessage));
    this.status = status;
    this.apiMessage = apiMessage;
    this.write = write;
  }

  /** The HTTP status, or 0 when no response arrived (network error, refused redirect). */
  public int status() {
    return status;
  }

  public String apiMessage() {
    return apiMessage;
  }

  /**
   * True when a write was refused for lack of permission: a 403 that is not a rate limit (those are retried
   * and reported differently). This is what a read-only token on a fork's pull request gets.
   */
  public boolean isWriteForbidden() {
    return write && status == 403 && !apiMessage.toLowerCase(java.util.Locale.ROOT).contains("rate limit");
  }

  private static String describe(String request, int status, String apiMessage) {
    String prefix = status == 0 ? request + " failed" : request + " returned HTTP " + status;
    return apiMessage.isEmpty() ? prefix : prefix + ": " + apiMessage;
  }
}
