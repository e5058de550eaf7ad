package dev.roleplan.github;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps roleplan's pull-request comment up to date: finds this key's previous comments (by the hidden
 * marker, written by the token's own account only, across all pages), then updates, creates, hides or
 * deletes as the {@link Mode} and {@link OnClean} ask.
 *
 * <p>Nothing here throws for a GitHub failure: a refused write (the read-only token of a fork's pull
 * request) is a {@link PublishAction#FELL_BACK} with a notice pointing at the job summary and annotations;
 * anything else is {@link PublishAction#FAILED} with a warning. The caller's exit code stays the gate's.
 *
 * <p>New comments are created before old ones are hidden or deleted, so a failed create never leaves the
 * pull request without its report.
 */
public final class CommentPublisher {

  /** GitHub rejects bodies over 65,536 characters; stay under it in UTF-16 units and in UTF-8 bytes. */
  static final int MAX_BODY = 65_536;

  static final String FORK_NOTICE =
      "roleplan could not write the pull-request comment: the token may not write to this pull request"
          + " (HTTP 403, as for pull requests from forks, whose token is read-only). The findings are in the job"
          + " summary and the annotations; the exit code is unchanged. To comment on fork pull requests, use the"
          + " two-workflow pattern (pull_request uploads the JSON report, workflow_run runs roleplan comment).";

  private final GitHubClient client;
  private final PullRequestRef pullRequest;
  private final Output output;

  public CommentPublisher(GitHubClient client, PullRequestRef pullRequest, Output output) {
    this.client = Objects.requireNonNull(client, "client");
    this.pullRequest = Objects.requireNonNull(pullRequest, "pullRequest");
    this.output = Objects.requireNonNull(output, "output");
  }

  /** Publishes {@code markdownBody} under {@code key}. */
  public PublishResult publish(String markdownBody, String key, Mode mode, OnClean onClean, boolean clean) {
    return run(markdownBody, key, mode, onClean, clean, false);
  }

  /** What {@link #publish} would do, reading comments but writing nothing. */
  public PublishResult preview(String markdownBody, String key, Mode mode, OnClean onClean, boolean clean) {
    return run(markdownBody, key, mode, onClean, clean, true);
  }

  private PublishResult run(String markdown, String key, Mode mode, OnClean onClean, boolean clean, boolean dryRun) {
    CommentMarker marker = CommentMarker.forKey(key);
    if (mode == Mode.OFF) {
      return PublishResult.skipped("commenting is off", dryRun);
    }
    String body = marker.wrap(fitting(markdown, marker));
    try {
      List<IssueComment> previous = previousComments(marker);
      if (clean && onClean == OnClean.DELETE) {
        return deleteAll(previous, dryRun);
      }
      if (clean && onClean == OnClean.SKIP && previous.isEmpty()) {
        return PublishResult.skipped("the report is clean and there is no previous comment to bring up to date", dryRun);
      }
      return switch (mode) {
        case UPDATE -> update(previous, body, dryRun);
        case NEW -> create(body, PublishAction.CREATED, dryRun);
        case HIDE_AND_NEW -> hideAndNew(previous, body, dryRun);
        case DELETE_AND_NEW -> deleteAndNew(previous, body, dryRun);
        case OFF -> throw new IllegalStateException("handled above");
      };
    } catch (GitHubApiException e) {
      if (e.isWriteForbidden()) {
        output.notice(FORK_NOTICE + " (" + e.getMessage() + ")");
        return PublishResult.of(PublishAction.FELL_BACK, null, "the token may not write: " + e.getMessage(), dryRun);
      }
      output.warning("roleplan could not publish the pull-request comment on " + pullRequest + ": " + e.getMessage()
          + ". The exit code is unchanged.");
      return PublishResult.of(PublishAction.FAILED, null, e.getMessage(), dryRun);
    }
  }

  /** This key's comments by the token's own account, oldest first. Anyone else's copy of the marker is ignored. */
  private List<IssueComment> previousComments(CommentMarker marker) throws GitHubApiException {
    String self = client.tokenLogin();
    List<IssueComment> mine = new ArrayList<>();
    for (IssueComment comment : client.listIssueComments(pullRequest.repository(), pullRequest.number())) {
      if (writtenBy(comment, self) && marker.marks(comment.body())) {
        mine.add(comment);
      }
    }
    return mine;
  }

  /**
   * Logins compare exactly (ignoring case, as GitHub does). A bot identity ({@code name[bot]}) must also be a
   * {@code Bot} account, so a user account can never pass for the bot whose name it resembles.
   */
  static boolean writtenBy(IssueComment comment, String self) {
    if (!comment.authorLogin().equalsIgnoreCase(self)) {
      return false;
    }
    return !self.toLowerCase(Locale.ROOT).endsWith("[bot]") || "Bot".equals(comment.authorType());
  }

  private PublishResult update(List<IssueComment> previous, String body, boolean dryRun) throws GitHubApiException {
    if (previous.isEmpty()) {
      return create(body, PublishAction.CREATED, dryRun);
    }
    IssueComment latest = previous.get(previous.size() - 1);
    if (normalized(latest.body()).equals(body)) {
      return PublishResult.of(PublishAction.UNCHANGED, latest.htmlUrl(), "the comment already says this", dryRun);
    }
    if (dryRun) {
      return PublishResult.of(PublishAction.UPDATED, latest.htmlUrl(), "would edit comment " + latest.id(), true);
    }
    IssueComment updated = client.updateIssueComment(pullRequest.repository(), latest.id(), body);
    return PublishResult.of(PublishAction.UPDATED, urlOf(updated, latest), "edited comment " + latest.id(), false);
  }

  private PublishResult create(String body, PublishAction action, boolean dryRun) throws GitHubApiException {
    if (dryRun) {
      return PublishResult.of(action, null, "would create a comment on " + pullRequest, true);
    }
    IssueComment created = client.createIssueComment(pullRequest.repository(), pullRequest.number(), body);
    return PublishResult.of(action, created.htmlUrl(), "created comment " + created.id(), false);
  }

  private PublishResult hideAndNew(List<IssueComment> previous, String body, boolean dryRun)
      throws GitHubApiException {
    List<String> nodeIds = previous.stream().map(IssueComment::nodeId).toList();
    Set<String> alreadyHidden = alreadyMinimized(nodeIds);
    List<IssueComment> toHide = previous.stream().filter(c -> !alreadyHidden.contains(c.nodeId())).toList();
    if (toHide.isEmpty()) {
      return create(body, PublishAction.CREATED, dryRun);
    }
    PublishResult created = create(body, PublishAction.HIDDEN_AND_CREATED, dryRun);
    if (!dryRun) {
      for (IssueComment old : toHide) {
        client.minimizeComment(old.nodeId());
      }
    }
    return withDetail(created, (dryRun ? "would hide " : "hid ") + toHide.size() + " previous comment(s)");
  }

  private Set<String> alreadyMinimized(List<String> nodeIds) {
    try {
      return client.minimizedAmong(nodeIds);
    } catch (GitHubApiException e) {
      return Set.of(); // only an optimisation: minimizing a hidden comment again is harmless
    }
  }

  private PublishResult deleteAndNew(List<IssueComment> previous, String body, boolean dryRun)
      throws GitHubApiException {
    if (previous.isEmpty()) {
      return create(body, PublishAction.CREATED, dryRun);
    }
    PublishResult created = create(body, PublishAction.DELETED_AND_CREATED, dryRun);
    if (!dryRun) {
      for (IssueComment old : previous) {
        client.deleteIssueComment(pullRequest.repository(), old.id());
      }
    }
    return withDetail(created, (dryRun ? "would delete " : "deleted ") + previous.size() + " previous comment(s)");
  }

  private PublishResult deleteAll(List<IssueComment> previous, boolean dryRun) throws GitHubApiException {
    if (previous.isEmpty()) {
      return PublishResult.skipped("the report is clean and there is no previous comment to delete", dryRun);
    }
    if (!dryRun) {
      for (IssueComment old : previous) {
        client.deleteIssueComment(pullRequest.repository(), old.id());
      }
    }
    return PublishResult.of(
        PublishAction.DELETED,
        null,
        (dryRun ? "would delete " : "deleted ") + previous.size() + " previous comment(s): the report is clean",
        dryRun);
  }

  /**
   * The Markdown, or, when the comment would exceed GitHub's limit, a short note in its place. The renderer
   * is meant to stay far below the limit by dropping whole sections; cutting its output blindly here could
   * leave an open {@code <details>} or code fence, so the publisher does not try.
   */
  private String fitting(String markdown, CommentMarker marker) {
    String body = marker.wrap(markdown);
    int bytes = body.getBytes(StandardCharsets.UTF_8).length;
    if (body.length() <= MAX_BODY && bytes <= MAX_BODY) {
      return markdown;
    }
    output.warning("the roleplan report is too large for a pull-request comment (" + bytes
        + " bytes; GitHub allows 65536 characters); the comment says so and points at the job summary");
    return "### roleplan\n\nThe report is too large for a pull-request comment (" + bytes
        + " bytes). See the job summary of the workflow run for the full report.\n";
  }

  private static PublishResult withDetail(PublishResult result, String more) {
    return new PublishResult(result.action(), result.commentUrl(), result.detail() + "; " + more, result.dryRun());
  }

  private static String urlOf(IssueComment written, IssueComment fallback) {
    return written.htmlUrl().isEmpty() ? fallback.htmlUrl() : written.htmlUrl();
  }

  private static String normalized(String body) {
    return body.replace("\r\n", "\n");
  }
}
