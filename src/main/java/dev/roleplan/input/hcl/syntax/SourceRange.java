package dev.roleplan.input.hcl.syntax;

/**
 * Where a node sits in its source file. Lines and columns start at 1; columns count Unicode code points
 * (a tab is one column). The end is exclusive: it is the position just after the node's last character.
 */
public record SourceRange(String file, int line, int column, int endLine, int endColumn) {

    /** A range that starts where {@code start} starts and ends where {@code end} ends. */
    public static SourceRange span(SourceRange start, SourceRange end) {
        return new SourceRange(start.file, start.line, start.column, end.endLine, end.endColumn);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
