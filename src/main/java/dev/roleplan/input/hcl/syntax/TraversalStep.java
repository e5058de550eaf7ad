package dev.roleplan.input.hcl.syntax;

/** A step of a traversal: {@code .name}, or an index by a constant ({@code [0]}, {@code ["k"]}, {@code .0}). */
public sealed interface TraversalStep {

    SourceRange range();

    record GetAttr(String name, SourceRange range) implements TraversalStep {
    }

    /** key is a {@link java.math.BigDecimal}, a String, a Boolean, or null (for {@code [null]}). */
    record IndexStep(Object key, SourceRange range) implements TraversalStep {
    }
}
