package dev.roleplan.github;

import java.util.Locale;

/** What the publisher did (or, in a dry run, would do). */
public enum PublishAction {
  CREATED,
  UPDATED,
  /** The previous comment already had this body: nothing was written. */
  UNCHANGED,
  HIDDEN_AND_CREATED,
  DELETED_AND_CREATED,
  DELETED,
  /** Nothing to do: commenting is off, there is no pull request, or a clean report with nothing to update. */
  SKIPPED,
  /** The token may not write (a pull request from a fork): the job summary and annotations carry the result. */
  FELL_BACK,
  /** Commenting failed; reported as a warning, the gate's exit code is unchanged. */
  FAILED;

  /** Lower-case words, as printed and as written to the {@code comment-action} step output. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
