package dev.roleplan.input;

/**
 * An input that cannot be read or understood. The CLI turns it into exit code 3 with
 * {@link #getMessage()}, which always names the file, the place and what is wrong; never a stack trace.
 *
 * @see #file()
 */
public final class InputException extends Exception {

    private final String file;
    private final String location;
    private final String problem;

    public InputException(String file, String location, String problem) {
        this(file, location, problem, null);
    }

    public InputException(String file, String location, String problem, Throwable cause) {
        super(format(file, location, problem), cause);
        this.file = file;
        this.location = location;
        this.problem = problem;
    }

    private static String format(String file, String location, String problem) {
        StringBuilder text = new StringBuilder(file);
        if (location != null && !location.isEmpty()) {
            text.append(" (").append(location).append(')');
        }
        return text.append(": ").append(problem).toString();
    }

    /** The file as the user named it ("-" or "<stdin>" for standard input). */
    public String file() {
        return file;
    }

    /** Where in the file, e.g. "line 1, column 208664" or "resource_changes[3].change.after"; may be null. */
    public String location() {
        return location;
    }

    /** What is wrong, without the file and location. */
    public String problem() {
        return problem;
    }
}
