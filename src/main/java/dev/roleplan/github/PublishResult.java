package dev.roleplan.github;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one publish: the action taken, the URL of the comment that now carries the report (empty
 * when there is none), a sentence saying why, and whether it was a dry run (nothing written).
 */
public record PublishResult(PublishAction action, Optional<String> commentUrl, String detail, boolean dryRun) {

  public PublishResult {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(commentUrl, "commentUrl");
    Objects.requireNonNull(detail, "detail");
  }

  static PublishResult of(PublishAction action, String url, String detail, boolean dryRun) {
    return new PublishResult(action, Optional.ofNullable(url), detail, dryRun);
  }

  static PublishResult skipped(String detail, boolean dryRun) {
    return new PublishResult(PublishAction.SKIPPED, Optional.empty(), detail, dryRun);
  }
}
