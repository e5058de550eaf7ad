package dev.roleplan.input;

/**
 * An input that cannot be read or understood. The CLI prints {@link #getMessage()} and exits 3: it names
 * the file, the place in it, and what is wrong, and it never carries a secret value from the input.
 */
public class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String location;
    private final String problem;

    public InputException(String file, String location, String problem) {
        super(format(file, location, problem));
        this.file = file;
        this.location = location;
        this.problem = problem;
    }

    public InputException(String file, String location, String problem, Throwable cause) {
        super(format(file, location, problem), cause);
        this.file = file;
        this.location = location;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public String location() {
        return location;
    }

    public String problem() {
        return problem;
    }

    private static String format(String file, String location, String problem) {
        String message = location == null || location.isEmpty() ? file + ": " + problem : file + ": " + location + ": " + problem;
        return printable(message);
    }

    /**
     * The message is one line on stderr, often in a CI log: text from the input it quotes (a field name, a file
     * name) must not break the line (a forged log line or workflow command), colour the terminal or reorder the
     * text, so control and bidirectional characters are shown escaped.
     */
    static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
                out.append(String.format("\\u%04x", cp));
            } else if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                    || cp == 0x061C || cp == 0x2028 || cp == 0x2029) {
                out.append(String.format("<U+%04X>", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
