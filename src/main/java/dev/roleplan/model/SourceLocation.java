package dev.roleplan.model;

/** Where something stands in the user's files: file relative to the scanned root, 1-based line; 0 when unknown. */
public record SourceLocation(String file, int line) {

    public static SourceLocation ofFile(String file) {
        return new SourceLocation(file, 0);
    }

    public boolean hasLine() {
        return line > 0;
    }

    @Override
    public String toString() {
        return hasLine() ? file + ":" + line : file;
    }
}
