package dev.roleplan.input.hcl;

import dev.roleplan.input.hcl.syntax.SourceRange;

import java.util.LinkedHashMap;

/**
 * An object value that remembers where it was written (an object constructor or a block), so a policy
 * statement built from it can be reported at its own line.
 */
final class PositionedMap extends LinkedHashMap<String, Object> {

    private static final long serialVersionUID = 1L;

    private final transient SourceRange range;

    PositionedMap(SourceRange range) {
        this.range = range;
    }

    SourceRange range() {
        return range;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
