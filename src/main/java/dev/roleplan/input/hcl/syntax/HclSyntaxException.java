package dev.roleplan.input.hcl.syntax;

/**
 * A syntax error: the file, the line and column where the parser stopped, and what is wrong there.
 * The message reads {@code file:line:col: detail}, the form compilers and editors understand.
 */
public final class HclSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String detail;

    public HclSyntaxException(String file, int line, int column, String detail) {
        super(file + ":" + line + ":" + column + ": " + detail, null, false, false);
        this.file = file;
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What is wrong, without the position. */
    public String detail() {
        return detail;
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
