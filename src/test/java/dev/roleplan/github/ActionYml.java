package dev.roleplan.github;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small, strict reader for the parts of {@code action.yml} the tests check: the {@code run:} scripts and
 * the {@code uses:} references. It is line-based (no YAML library is a dependency) and strict where that is
 * safe: a {@code run:} it cannot read (a quoted scalar over several lines, a flow mapping) is an error,
 * never a skipped script, so an expression cannot hide in a form the check does not understand.
 */
final class ActionYml {

  /** One {@code run:} script: the 1-based line of its key and its text. */
  record RunBlock(int line, String script) {}

  /** One {@code uses:} reference with what follows it on the line (the version comment). */
  record Uses(int line, String reference, String comment) {}

  static final class UnreadableException extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableException(int line, String problem) {
      super("action.yml line " + line + ": " + problem);
    }
  }

  private static final Pattern RUN_KEY = Pattern.compile("^(\\s*)(-\\s+)?run:(.*)$");
  private static final Pattern BLOCK_INDICATOR = Pattern.compile("\\s*[|>][+-]?[1-9]?\\s*(#.*)?");
  private static final Pattern USES_KEY = Pattern.compile("^\\s*(?:-\\s+)?uses:\\s*(\\S+)\\s*(.*)$");

  private final List<RunBlock> runBlocks = new ArrayList<>();
  private final List<Uses> uses = new ArrayList<>();

  private ActionYml() {}

  static ActionYml parse(String text) throws UnreadableException {
    ActionYml yml = new ActionYml();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.contains("\t")) {
        throw new UnreadableException(i + 1, "tab character (YAML indentation must be spaces)");
      }
      if (line.strip().startsWith("#")) {
        continue;
      }
      Matcher run = RUN_KEY.matcher(line);
      if (run.matches()) {
        int keyColumn = run.group(1).length() + (run.group(2) == null ? 0 : run.group(2).length());
        i = yml.readRun(lines, i, keyColumn, run.group(3));
        continue;
      }
      if (line.matches(".*[{,]\\s*run\\s*:.*")) {
        throw new UnreadableException(i + 1, "run: inside a flow mapping is not supported by this check");
      }
      Matcher usesKey = USES_KEY.matcher(line);
      if (usesKey.matches()) {
        yml.uses.add(new Uses(i + 1, usesKey.group(1), usesKey.group(2)));
      }
    }
    return yml;
  }

  List<RunBlock> runBlocks() {
    return List.copyOf(runBlocks);
  }

  List<Uses> uses() {
    return List.copyOf(uses);
  }

  /** Reads the script of the run: key on line {@code index}; returns the index of its last line. */
  private int readRun(String[] lines, int index, int keyColumn, String rest) throws UnreadableException {
    String value = rest.strip();
    if (BLOCK_INDICATOR.matcher(rest).matches()) {
      StringBuilder script = new StringBuilder();
      int last = index;
      for (int j = index + 1; j < lines.length; j++) {
        String line = lines[j];
        if (!line.isBlank() && indentOf(line) <= keyColumn) {
          break;
        }
        script.append(line).append('\n');
        last = j;
      }
      String text = script.toString();
      while (text.endsWith("\n\n")) {
        text = text.substring(0, text.length() - 1); // trailing blank lines belong to no script
      }
      runBlocks.add(new RunBlock(index + 1, text));
      return last;
    }
    if (value.isEmpty()) {
      throw new UnreadableException(index + 1, "run: without a value on its line (use a | block)");
    }
    boolean quoted = value.startsWith("\"") || value.startsWith("'");
    if (quoted && (value.length() < 2 || value.charAt(value.length() - 1) != value.charAt(0))) {
      throw new UnreadableException(index + 1, "a quoted run: value must end on its own line");
    }
    if (index + 1 < lines.length && !lines[index + 1].isBlank() && indentOf(lines[index + 1]) > keyColumn
        && !lines[index + 1].strip().startsWith("#")) {
      throw new UnreadableException(index + 2, "a plain run: value continued on the next line is not supported");
    }
    runBlocks.add(new RunBlock(index + 1, value));
    return index;
  }

  private static int indentOf(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return n;
  }
}
