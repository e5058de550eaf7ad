package dev.roleplan.input.hcl.syntax;

/**
 * A lexical token. {@code text} is the identifier, the number as written, the decoded literal text of a
 * template piece, or the heredoc marker. {@code flag} depends on the kind: a strip marker {@code ~} for
 * template sequence tokens, "starts a line" for heredoc literals, "flush" ({@code <<-}) for heredoc starts.
 */
record Token(TokenKind kind, String text, boolean flag, int line, int column, int endLine, int endColumn) {

    boolean is(TokenKind k) {
        return kind == k;
    }

    boolean isKeyword(String word) {
        return kind == TokenKind.IDENT && text.equals(word);
    }
}
