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
        // one line on stderr, often in a CI log: what it quotes from the input is shown escaped
        return dev.roleplan.model.Printable.escape(message, false);
    }
}
