package dev.roleplan.iam;

/** The bundled IAM data is missing or malformed: a build problem, not a user-input problem. */
public final class IamDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IamDataException(String message) {
        super(message);
    }

    public IamDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
