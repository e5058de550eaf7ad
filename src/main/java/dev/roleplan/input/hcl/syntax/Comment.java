package dev.roleplan.input.hcl.syntax;

/** A comment as written, markers included ({@code # x}, {@code // x}, {@code /* x *\/}), with its range. */
public record Comment(String text, SourceRange range) {
}
