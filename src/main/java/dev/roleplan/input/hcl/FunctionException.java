package dev.roleplan.input.hcl;

/**
 * A function refuses its arguments. Its message is roleplan's own text and quotes nothing of the input, so it
 * may reach a report as the reason of an unknown value; the JDK's exceptions may quote input (a regular
 * expression's syntax error quotes the expression) and are shown by their class name only.
 */
final class FunctionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    FunctionException(String message) {
        super(message, null, false, false);
    }
}
