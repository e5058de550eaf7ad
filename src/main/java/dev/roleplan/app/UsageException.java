package dev.roleplan.app;

/** The user asked for something that cannot be done as asked (exit 2). */
public class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
