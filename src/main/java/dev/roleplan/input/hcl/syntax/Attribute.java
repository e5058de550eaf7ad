package dev.roleplan.input.hcl.syntax;

/** {@code name = value}. {@code range} covers the whole definition, {@code nameRange} the name alone. */
public record Attribute(String name, Expression value, SourceRange nameRange, SourceRange range)
        implements BodyItem {
}
