package dev.roleplan.input.hcl.syntax;

/** An element of a body: an attribute or a block. */
public sealed interface BodyItem permits Attribute, Block {
    SourceRange range();
}
