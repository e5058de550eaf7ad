package dev.roleplan.cli;

/** The exit-code contract of DESIGN.md. */
public final class ExitCode {
    /** nothing at or above --fail-on */
    public static final int OK = 0;
    /** findings at or above --fail-on */
    public static final int FINDINGS = 1;
    /** usage error */
    public static final int USAGE = 2;
    /** an input could not be read or understood */
    public static final int BAD_INPUT = 3;
    /** internal error */
    public static final int INTERNAL = 4;

    private ExitCode() {
    }
}
