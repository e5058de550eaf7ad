package dev.roleplan.github;

import java.util.regex.Pattern;

/**
 * The hidden first line that identifies roleplan's comment for one key: {@code <!-- roleplan:comment
 * key=prod -->}. It goes at the top so that no truncation of the end can remove it, and the key lets several
 * plans in one pull request keep separate comments.
 *
 * <p>The key is validated rather than escaped: letters, digits and {@code . _ / -}, starting with a letter
 * or digit, at most 100 characters, and never {@code --}, so it cannot close the HTML comment ({@code -->})
 * or make it invalid HTML, and a key cannot be a prefix trick for another key (the whole line is compared).
 */
public final class CommentMarker {

  public static final String DEFAULT_KEY = "default";

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,99}");

  private final String key;
  private final String line;

  private CommentMarker(String key) {
    this.key = key;
    this.line = "<!-- roleplan:comment key=" + key + " -->";
  }

  /** The marker for {@code key}; throws {@link IllegalArgumentException} saying what is wrong with it. */
  public static CommentMarker forKey(String key) {
    String problem = problemWith(key);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return new CommentMarker(key);
  }

  /** Why {@code key} is not a valid comment key, or null when it is. */
  public static String problemWith(String key) {
    if (key == null || key.isEmpty()) {
      return "the comment key is empty";
    }
    if (!KEY.matcher(key).matches()) {
      return "the comment key '" + printable(key) + "' is not allowed: use 1 to 100 letters, digits, '.', '_',"
          + " '/' or '-', starting with a letter or digit";
    }
    if (key.contains("--")) {
      return "the comment key '" + key + "' contains '--', which would break the hidden HTML comment";
    }
    return null;
  }

  public String key() {
    return key;
  }

  /** The marker line itself, without a line break. */
  public String line() {
    return line;
  }

  /** The full comment body: the marker line, then the Markdown. */
  public String wrap(String markdown) {
    return line + "\n" + markdown;
  }

  /** True when {@code body}'s first line is exactly this marker (GitHub may hand bodies back with CRLF). */
  public boolean marks(String body) {
    if (body == null || !body.startsWith(line)) {
      return false;
    }
    String rest = body.substring(line.length());
    return rest.isEmpty() || rest.startsWith("\n") || rest.startsWith("\r\n");
  }

  private static String printable(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().limit(100).forEach(cp -> {
      if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
        out.append(String.format("\\u%04x", cp));
      } else {
        out.appendCodePoint(cp);
      }
    });
    return out.toString();
  }
}
