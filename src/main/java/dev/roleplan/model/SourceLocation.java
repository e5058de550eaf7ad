package dev.roleplan.model;

import java.util.Objects;

/** Where something stands in the user's files: file relative to the scanned root, 1-based line; 0 when unknown. */
public record SourceLocation(String file, int line) {

    // Written out as the record would generate them (same hash): decision 0012.
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof SourceLocation that
                && Objects.equals(file, that.file)
                && line == that.line;
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(file);
        h = 31 * h + Integer.hashCode(line);
        return h;
    }

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
