package dev.roleplan.github;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What to do with this run's comment, as the {@code --mode} option and the action's {@code comment} input. */
public enum Mode {
  /** Edit the previous comment in place (skipping the write when nothing changed), or create one. */
  UPDATE,
  /** Always add a new comment and leave earlier ones as they are. */
  NEW,
  /** Add a new comment, then minimize earlier ones as outdated. */
  HIDE_AND_NEW,
  /** Add a new comment, then delete earlier ones. */
  DELETE_AND_NEW,
  /** Do not comment at all. */
  OFF;

  /** The spelling users write: {@code hide-and-new}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static List<String> cliNames() {
    return Arrays.stream(values()).map(Mode::cliName).toList();
  }

  /** Parses the user's spelling exactly, with an error that lists the valid values. */
  public static Mode parse(String text) {
    for (Mode mode : values()) {
      if (mode.cliName().equals(text)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "unknown comment mode '" + text + "'; expected one of " + String.join(", ", cliNames()));
  }
}
