package dev.roleplan.input.hcl.syntax;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Turns HCL source into tokens. The native syntax nests three languages (structure and expressions,
 * quoted templates, heredoc templates), so the lexer keeps a stack of modes: a quote or heredoc start enters
 * a template mode, {@code ${} or {@code %{} inside a template enters expression mode until its matching
 * {@code }}. Escapes in quoted strings are decoded here so that errors point at the exact character.
 */
final class Lexer {

    private sealed interface Mode permits Normal, Quoted, Heredoc {
    }

    /** Expression mode. Inside a template sequence, braces are counted to find the closing brace. */
    private static final class Normal implements Mode {
        final boolean inTemplate;
        final int openLine;
        final int openColumn;
        int braces;

        Normal(boolean inTemplate, int openLine, int openColumn) {
            this.inTemplate = inTemplate;
            this.openLine = openLine;
            this.openColumn = openColumn;
        }
    }

    private record Quoted(int openLine, int openColumn) implements Mode {
    }

    private static final class Heredoc implements Mode {
        final String marker;
        final int openLine;
        final int openColumn;
        boolean lineStart = true;

        Heredoc(String marker, int openLine, int openColumn) {
            this.marker = marker;
            this.openLine = openLine;
            this.openColumn = openColumn;
        }
    }

    private final String file;
    private final String src;
    private int pos;
    private int line = 1;
    private int column = 1;
    private final List<Token> tokens = new ArrayList<>();
    private final List<Comment> comments = new ArrayList<>();
    private final Deque<Mode> modes = new ArrayDeque<>();

    private Lexer(String file, String src) {
        this.file = file;
        this.src = src;
    }

    /** Tokens are scanned on demand, so a lexical error after the first syntax error is never reported first. */
    static Lexer of(String file, String src) {
        return of(file, src, 1, 1);
    }

    static Lexer of(String file, String src, int line, int column) {
        Lexer lexer = new Lexer(file, src);
        lexer.line = line;
        lexer.column = column;
        lexer.start(new Normal(false, line, column));
        return lexer;
    }

    /** A standalone template (as in a template file): the whole text is template content. */
    static Lexer ofTemplate(String file, String src, int line, int column) {
        Lexer lexer = new Lexer(file, src);
        lexer.line = line;
        lexer.column = column;
        lexer.start(new Heredoc(null, line, column));
        return lexer;
    }

    /** The token at {@code index}; past the end, the end-of-file token. */
    Token get(int index) {
        while (tokens.size() <= index && !done) {
            step();
        }
        return index < tokens.size() ? tokens.get(index) : tokens.get(tokens.size() - 1);
    }

    private boolean done;

    private void start(Mode initial) {
        if (src.startsWith("\uFEFF")) {
            // the specification forbids a byte order mark, but HashiCorp's parser skips it, and so do we
            pos = 1;
        }
        modes.push(initial);
    }

    private void step() {
        Mode mode = modes.peek();
        if (pos >= src.length()) {
            finishAtEnd(mode);
            done = true;
            return;
        }
        if (mode instanceof Normal normal) {
            scanNormal(normal);
        } else if (mode instanceof Quoted) {
            scanQuoted();
        } else {
            scanHeredoc((Heredoc) mode);
        }
    }

    private void finishAtEnd(Mode mode) {
        if (mode instanceof Quoted quoted) {
            throw error(quoted.openLine, quoted.openColumn, "unterminated string: no closing quote");
        }
        if (mode instanceof Heredoc heredoc && heredoc.marker != null) {
            throw error(heredoc.openLine, heredoc.openColumn, "unterminated heredoc: no line with its closing marker"
                    + " (the marker must be alone on its line and followed by a newline)");
        }
        if (mode instanceof Normal normal && normal.inTemplate) {
            throw error(normal.openLine, normal.openColumn, "unterminated template sequence: no closing }");
        }
        tokens.add(new Token(TokenKind.EOF, "", false, line, column, line, column));
    }

    // ---------------------------------------------------------------- expression mode

    private void scanNormal(Normal mode) {
        char c = src.charAt(pos);
        int startLine = line;
        int startColumn = column;
        switch (c) {
            case ' ', '\t' -> advance(1);
            case '\n' -> {
                advance(1);
                add(TokenKind.NEWLINE, "\n", false, startLine, startColumn);
            }
            case '\r' -> {
                if (peekChar(1) != '\n') {
                    throw error(line, column, "a carriage return must be followed by a newline");
                }
                advance(2);
                add(TokenKind.NEWLINE, "\n", false, startLine, startColumn);
            }
            case '#' -> lineComment();
            case '"' -> {
                advance(1);
                add(TokenKind.OQUOTE, "\"", false, startLine, startColumn);
                modes.push(new Quoted(startLine, startColumn));
            }
            case '{' -> {
                advance(1);
                mode.braces++;
                add(TokenKind.LBRACE, "{", false, startLine, startColumn);
            }
            case '}' -> {
                advance(1);
                if (mode.inTemplate && mode.braces == 0) {
                    modes.pop();
                    add(TokenKind.TEMPLATE_SEQ_END, "}", false, startLine, startColumn);
                } else {
                    mode.braces--;
                    add(TokenKind.RBRACE, "}", false, startLine, startColumn);
                }
            }
            case '~' -> {
                if (peekChar(1) == '}' && mode.inTemplate && mode.braces == 0) {
                    advance(2);
                    modes.pop();
                    add(TokenKind.TEMPLATE_SEQ_END, "~}", true, startLine, startColumn);
                } else {
                    throw error(line, column, "unexpected character '~': a strip marker belongs just before the }"
                            + " that closes a template sequence");
                }
            }
            case '/' -> {
                if (peekChar(1) == '/') {
                    lineComment();
                } else if (peekChar(1) == '*') {
                    blockComment();
                } else {
                    single(TokenKind.SLASH);
                }
            }
            case '<' -> {
                if (peekChar(1) == '<') {
                    heredocStart();
                } else if (peekChar(1) == '=') {
                    pair(TokenKind.LE);
                } else {
                    single(TokenKind.LT);
                }
            }
            case '>' -> {
                if (peekChar(1) == '=') {
                    pair(TokenKind.GE);
                } else {
                    single(TokenKind.GT);
                }
            }
            case '=' -> {
                if (peekChar(1) == '=') {
                    pair(TokenKind.EQ);
                } else if (peekChar(1) == '>') {
                    pair(TokenKind.FAT_ARROW);
                } else {
                    single(TokenKind.ASSIGN);
                }
            }
            case '!' -> {
                if (peekChar(1) == '=') {
                    pair(TokenKind.NEQ);
                } else {
                    single(TokenKind.BANG);
                }
            }
            case '&' -> {
                if (peekChar(1) != '&') {
                    throw error(line, column, "unexpected character '&': the logical operator is &&");
                }
                pair(TokenKind.AND);
            }
            case '|' -> {
                if (peekChar(1) != '|') {
                    throw error(line, column, "unexpected character '|': the logical operator is ||");
                }
                pair(TokenKind.OR);
            }
            case '.' -> {
                if (peekChar(1) == '.' && peekChar(2) == '.') {
                    advance(3);
                    add(TokenKind.ELLIPSIS, "...", false, startLine, startColumn);
                } else {
                    single(TokenKind.DOT);
                }
            }
            case ':' -> {
                if (peekChar(1) == ':') {
                    pair(TokenKind.DOUBLE_COLON);
                } else {
                    single(TokenKind.COLON);
                }
            }
            case '[' -> single(TokenKind.LBRACK);
            case ']' -> single(TokenKind.RBRACK);
            case '(' -> single(TokenKind.LPAREN);
            case ')' -> single(TokenKind.RPAREN);
            case ',' -> single(TokenKind.COMMA);
            case '?' -> single(TokenKind.QUESTION);
            case '+' -> single(TokenKind.PLUS);
            case '-' -> single(TokenKind.MINUS);
            case '*' -> single(TokenKind.STAR);
            case '%' -> single(TokenKind.PERCENT);
            default -> {
                if (c >= '0' && c <= '9') {
                    number();
                } else if (isIdentStart(src.codePointAt(pos))) {
                    identifier();
                } else {
                    int cp = src.codePointAt(pos);
                    throw error(line, column, "unexpected character " + describe(cp));
                }
            }
        }
    }

    private void single(TokenKind kind) {
        int startLine = line;
        int startColumn = column;
        advance(1);
        add(kind, kind.display(), false, startLine, startColumn);
    }

    private void pair(TokenKind kind) {
        int startLine = line;
        int startColumn = column;
        advance(2);
        add(kind, kind.display(), false, startLine, startColumn);
    }

    /** The comments scanned so far, in source order. */
    List<Comment> comments() {
        return comments;
    }

    /** A line comment ends at the newline and counts as that newline. */
    private void lineComment() {
        int start = pos;
        int startLine = line;
        int startColumn = column;
        while (pos < src.length() && src.charAt(pos) != '\n') {
            advance(1);
        }
        int end = pos > start && src.charAt(pos - 1) == '\r' ? pos - 1 : pos;
        comments.add(new Comment(src.substring(start, end), new SourceRange(file, startLine, startColumn, line, column)));
        if (pos < src.length()) {
            int newlineLine = line;
            int newlineColumn = column;
            advance(1);
            add(TokenKind.NEWLINE, "\n", false, newlineLine, newlineColumn);
        }
    }

    private void blockComment() {
        int start = pos;
        int startLine = line;
        int startColumn = column;
        advance(2);
        while (true) {
            if (pos >= src.length()) {
                throw error(startLine, startColumn, "unterminated comment: /* without */");
            }
            if (src.charAt(pos) == '*' && peekChar(1) == '/') {
                advance(2);
                comments.add(new Comment(src.substring(start, pos), new SourceRange(file, startLine, startColumn, line, column)));
                return;
            }
            advance(1);
        }
    }

    /**
     * HCL's number token: a digit, then any run of digits, dots and exponents ({@code e}, optional sign, digit),
     * not ending in a dot. So {@code 1.5.x} is the number {@code 1.5} followed by {@code .x}, while {@code 1.5.3}
     * is one token that the parser then rejects as an invalid number, as HashiCorp's scanner does.
     */
    private void number() {
        int startLine = line;
        int startColumn = column;
        int start = pos;
        int end = pos + 1;
        while (end < src.length()) {
            char c = src.charAt(end);
            if (isDigit(c) || c == '.') {
                end++;
            } else if (c == 'e' || c == 'E') {
                int sign = end + 1 < src.length() && (src.charAt(end + 1) == '+' || src.charAt(end + 1) == '-') ? 1 : 0;
                if (end + 1 + sign < src.length() && isDigit(src.charAt(end + 1 + sign))) {
                    end += 2 + sign;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        while (src.charAt(end - 1) == '.') {
            end--;
        }
        advance(end - start);
        add(TokenKind.NUMBER, src.substring(start, pos), false, startLine, startColumn);
    }

    private void skipDigits() {
        while (isDigit(peekChar(0))) {
            advance(1);
        }
    }

    private void identifier() {
        int startLine = line;
        int startColumn = column;
        int start = pos;
        advance(1);
        while (pos < src.length()) {
            int cp = src.codePointAt(pos);
            if (!isIdentPart(cp)) {
                break;
            }
            advance(1);
        }
        add(TokenKind.IDENT, src.substring(start, pos), false, startLine, startColumn);
    }

    private void heredocStart() {
        int startLine = line;
        int startColumn = column;
        int save = pos;
        int p = pos + 2;
        boolean flush = p < src.length() && src.charAt(p) == '-';
        if (flush) {
            p++;
        }
        if (p >= src.length() || !isIdentStart(src.codePointAt(p))) {
            throw error(line, column, "expected a heredoc marker after " + (flush ? "<<-" : "<<")
                    + " (such as <<EOT)");
        }
        int markerStart = p;
        while (p < src.length() && isIdentPart(src.codePointAt(p))) {
            p += Character.charCount(src.codePointAt(p));
        }
        String marker = src.substring(markerStart, p);
        int newlineLength = src.startsWith("\r\n", p) ? 2 : src.startsWith("\n", p) ? 1 : 0;
        if (newlineLength == 0) {
            advance(p - save);
            throw error(line, column, "the heredoc marker must be followed by a newline");
        }
        advance(p - save);
        add(TokenKind.HEREDOC_BEGIN, marker, flush, startLine, startColumn);
        advance(newlineLength);
        modes.push(new Heredoc(marker, startLine, startColumn));
    }

    // ---------------------------------------------------------------- template modes

    private void scanQuoted() {
        int startLine = line;
        int startColumn = column;
        StringBuilder text = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '"') {
                flushLiteral(TokenKind.QUOTED_LIT, text, false, startLine, startColumn);
                int quoteLine = line;
                int quoteColumn = column;
                advance(1);
                modes.pop();
                add(TokenKind.CQUOTE, "\"", false, quoteLine, quoteColumn);
                return;
            }
            if (c == '\n' || c == '\r') {
                throw error(line, column, "a quoted string cannot span lines: use \\n or a heredoc (<<EOT)");
            }
            if (c == '\\') {
                escape(text);
                continue;
            }
            if (templateEscape(text) ) {
                continue;
            }
            if (templateStart(c)) {
                flushLiteral(TokenKind.QUOTED_LIT, text, false, startLine, startColumn);
                openSequence();
                return;
            }
            appendCodePoint(text);
        }
        flushLiteral(TokenKind.QUOTED_LIT, text, false, startLine, startColumn);
    }

    private void scanHeredoc(Heredoc mode) {
        if (mode.lineStart && mode.marker != null && closingMarker(mode.marker)) {
            return;
        }
        boolean lineStart = mode.lineStart;
        mode.lineStart = false;
        int startLine = line;
        int startColumn = column;
        StringBuilder text = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                text.append('\n');
                advance(1);
                mode.lineStart = true;
                break;
            }
            if (c == '\r' && peekChar(1) != '\n') {
                throw error(line, column, "a carriage return must be followed by a newline");
            }
            if (c == '\r') {
                // HCL keeps the file's line ending inside heredoc text
                text.append("\r\n");
                advance(2);
                mode.lineStart = true;
                break;
            }
            if (templateEscape(text)) {
                continue;
            }
            if (templateStart(c)) {
                flushLiteral(TokenKind.HEREDOC_LIT, text, lineStart, startLine, startColumn);
                openSequence();
                return;
            }
            appendCodePoint(text);
        }
        flushLiteral(TokenKind.HEREDOC_LIT, text, lineStart, startLine, startColumn);
    }

    /** At the start of a heredoc line: is this the closing marker (spaces allowed around it)? */
    private boolean closingMarker(String marker) {
        int p = pos;
        while (p < src.length() && (src.charAt(p) == ' ' || src.charAt(p) == '\t')) {
            p++;
        }
        if (!src.startsWith(marker, p)) {
            return false;
        }
        int markerAt = p;
        p += marker.length();
        while (p < src.length() && (src.charAt(p) == ' ' || src.charAt(p) == '\t')) {
            p++;
        }
        if (!(src.startsWith("\n", p) || src.startsWith("\r\n", p))) {
            return false;
        }
        advance(markerAt - pos);
        int startLine = line;
        int startColumn = column;
        advance(p - pos);
        modes.pop();
        tokens.add(new Token(TokenKind.HEREDOC_END, marker, false, startLine, startColumn, startLine,
                startColumn + marker.length()));
        return true;
    }

    /** {@code $${} and {@code %%{} stand for the literal {@code ${} and {@code %{}. */
    private boolean templateEscape(StringBuilder text) {
        char c = src.charAt(pos);
        if ((c == '$' || c == '%') && peekChar(1) == c && peekChar(2) == '{') {
            text.append(c).append('{');
            advance(3);
            return true;
        }
        return false;
    }

    private boolean templateStart(char c) {
        return (c == '$' || c == '%') && peekChar(1) == '{';
    }

    private void openSequence() {
        int startLine = line;
        int startColumn = column;
        TokenKind kind = src.charAt(pos) == '$' ? TokenKind.TEMPLATE_INTERP : TokenKind.TEMPLATE_CONTROL;
        advance(2);
        boolean strip = peekChar(0) == '~';
        if (strip) {
            advance(1);
        }
        add(kind, kind.display(), strip, startLine, startColumn);
        modes.push(new Normal(true, startLine, startColumn));
    }

    private void escape(StringBuilder text) {
        int startLine = line;
        int startColumn = column;
        char selector = peekChar(1);
        switch (selector) {
            case 'n' -> text.append('\n');
            case 'r' -> text.append('\r');
            case 't' -> text.append('\t');
            case '"' -> text.append('"');
            case '\\' -> text.append('\\');
            case 'u', 'U' -> {
                int digits = selector == 'u' ? 4 : 8;
                if (pos + 2 + digits > src.length()) {
                    throw error(startLine, startColumn, "\\" + selector + " must be followed by " + digits
                            + " hexadecimal digits");
                }
                String hex = src.substring(pos + 2, pos + 2 + digits);
                int cp;
                try {
                    if (!hex.chars().allMatch(Lexer::isHexDigit)) {
                        throw new NumberFormatException(hex);
                    }
                    cp = (int) Long.parseLong(hex, 16);
                } catch (NumberFormatException e) {
                    throw error(startLine, startColumn, "\\" + selector + " must be followed by " + digits
                            + " hexadecimal digits");
                }
                if (!Character.isValidCodePoint(cp) || (cp >= 0xD800 && cp <= 0xDFFF)) {
                    throw error(startLine, startColumn, "the \\" + selector + " escape is not a valid Unicode character");
                }
                text.appendCodePoint(cp);
                advance(2 + digits);
                return;
            }
            default -> {
                String shown = pos + 1 < src.length() ? describe(src.codePointAt(pos + 1)) : "end of file";
                throw error(startLine, startColumn, "invalid escape sequence: \\ followed by " + shown
                        + " (valid: \\n \\r \\t \\\" \\\\ \\uNNNN \\UNNNNNNNN)");
            }
        }
        advance(2);
    }

    private void flushLiteral(TokenKind kind, StringBuilder text, boolean flag, int startLine, int startColumn) {
        if (text.length() > 0) {
            tokens.add(new Token(kind, text.toString(), flag, startLine, startColumn, line, column));
            text.setLength(0);
        }
    }

    // ---------------------------------------------------------------- helpers

    private void appendCodePoint(StringBuilder text) {
        int cp = src.codePointAt(pos);
        text.appendCodePoint(cp);
        advance(1);
    }

    private void add(TokenKind kind, String text, boolean flag, int startLine, int startColumn) {
        tokens.add(new Token(kind, text, flag, startLine, startColumn, line, column));
    }

    private char peekChar(int ahead) {
        int p = pos + ahead;
        return p < src.length() ? src.charAt(p) : '\0';
    }

    /** Moves over {@code count} code points, keeping line and column. */
    private void advance(int count) {
        for (int i = 0; i < count && pos < src.length(); i++) {
            char c = src.charAt(pos);
            if (c == '\n') {
                line++;
                column = 1;
                pos++;
            } else {
                pos += Character.charCount(src.codePointAt(pos));
                column++;
            }
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isIdentStart(int cp) {
        return cp == '_' || Character.isUnicodeIdentifierStart(cp);
    }

    private static boolean isIdentPart(int cp) {
        return cp == '-' || (Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp));
    }

    private static String describe(int cp) {
        if (cp < 0x20 || cp == 0x7f || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return String.format("U+%04X", cp);
        }
        return "'" + new String(Character.toChars(cp)) + "'";
    }

    private HclSyntaxException error(int atLine, int atColumn, String message) {
        return new HclSyntaxException(file, atLine, atColumn, message);
    }
}
