package dev.roleplan.github;

import java.io.PrintWriter;
import java.util.Objects;

/**
 * Writes notices and warnings to a stream: as GitHub workflow commands ({@code ::warning::...}) when running
 * in GitHub Actions, so they show on the run page, else as plain {@code warning: ...} lines. Message data is
 * escaped as {@code @actions/core} does ({@code %}, CR, LF), so a message can never start a second command.
 */
public final class LogOutput implements Output {

  private final PrintWriter stream;
  private final boolean githubActions;

  public LogOutput(PrintWriter stream, boolean githubActions) {
    this.stream = Objects.requireNonNull(stream, "stream");
    this.githubActions = githubActions;
  }

  @Override
  public void notice(String message) {
    write("notice", message);
  }

  @Override
  public void warning(String message) {
    write("warning", message);
  }

  private void write(String level, String message) {
    if (githubActions) {
      stream.println("::" + level + " title=roleplan comment::" + escapeData(message));
    } else {
      stream.println(level + ": " + message.replace("\r", " ").replace("\n", " "));
    }
    stream.flush();
  }

  static String escapeData(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }
}
