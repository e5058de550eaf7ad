package dev.roleplan.github;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What to do when the report is clean, as {@code --on-clean} and the action's {@code comment-on-clean} input.
 */
public enum OnClean {
  /** Comment as for any other report (following the mode), so reviewers see the problems are resolved. */
  UPDATE,
  /** Delete this key's previous comments and post nothing. */
  DELETE,
  /**
   * Do not start a conversation about a clean plan: when there is no previous comment, post nothing. A
   * previous comment is still brought up to date (following the mode), because leaving old findings on the
   * pull request would tell reviewers something false.
   */
  SKIP;

  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static List<String> cliNames() {
    return Arrays.stream(values()).map(OnClean::cliName).toList();
  }

  public static OnClean parse(String text) {
    for (OnClean onClean : values()) {
      if (onClean.cliName().equals(text)) {
        return onClean;
      }
    }
    throw new IllegalArgumentException(
        "unknown on-clean behaviour '" + text + "'; expected one of " + String.join(", ", cliNames()));
  }
}
