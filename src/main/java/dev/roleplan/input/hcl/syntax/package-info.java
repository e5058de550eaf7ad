/**
 * The HCL2 native syntax: lexer, recursive-descent parser, syntax tree with positions, syntax errors.
 *
 * <p>Written from HashiCorp's published specification (hclsyntax/spec.md) and checked against HashiCorp's own
 * parser by the differential test in {@code tools/hcl-diff}. Depends only on the JDK and knows nothing of
 * Terraform or roleplan. Entry points are in {@link dev.roleplan.input.hcl.syntax.HclParser}; the tree is
 * {@link dev.roleplan.input.hcl.syntax.Body}, {@link dev.roleplan.input.hcl.syntax.Block},
 * {@link dev.roleplan.input.hcl.syntax.Attribute}, {@link dev.roleplan.input.hcl.syntax.Expression} and
 * {@link dev.roleplan.input.hcl.syntax.TemplatePart}; every node has a
 * {@link dev.roleplan.input.hcl.syntax.SourceRange}. {@link dev.roleplan.input.hcl.syntax.SyntaxPrinter} prints a
 * tree compactly for tests.
 *
 * <p>Behaviour taken from HashiCorp's implementation where it differs from the specification's prose, because
 * Terraform users write for the implementation: a leading byte order mark is skipped; a heredoc's closing marker
 * may have spaces after it but must be followed by a newline, even at the end of the file; {@code <<-} ignores
 * whitespace-only lines when finding the indentation and applies strip markers first; a number token is a digit
 * followed by digits, dots and exponents, not ending in a dot, and then must be a valid number.
 *
 * <p>Known differences: columns count Unicode code points where HashiCorp counts grapheme clusters (they differ
 * only after combining characters); identifier characters follow the JDK's Unicode tables; the parser stops at
 * the first error instead of collecting several; error messages are worded for this project.
 *
 * <p>HCL's JSON syntax ({@code .tf.json}) is read by {@link dev.roleplan.input.hcl.syntax.HclJsonParser} into
 * {@link dev.roleplan.input.hcl.syntax.JsonValue}s with positions; which JSON properties are blocks and which are
 * attributes depends on the application's schema, so that mapping belongs to the caller, which then turns
 * attribute values into expressions with {@code HclJsonParser.toExpression}.
 */
package dev.roleplan.input.hcl.syntax;
