package dev.roleplan.input.hcl.syntax;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads HCL's JSON syntax ({@code .tf.json}): strict JSON (RFC 8259) with a position on every value, and the
 * mapping HCL defines from JSON values to expressions. Errors are {@link HclSyntaxException}s with file, line
 * and column, like the native syntax's.
 */
public final class HclJsonParser {

    private final String file;
    private final String src;
    private int pos;
    private int line = 1;
    private int column = 1;
    private int depth;

    private HclJsonParser(String file, String src) {
        this.file = file;
        this.src = src;
    }

    /** Parses a configuration file; its root must be an object, as HCL requires. */
    public static JsonValue.JsonObject parseConfig(String file, String text) {
        HclJsonParser parser = new HclJsonParser(file, text);
        if (text.startsWith("\uFEFF")) {
            parser.pos = 1;
        }
        parser.skipWhitespace();
        if (parser.peek() != '{') {
            throw parser.error("the root of a JSON configuration file must be an object");
        }
        JsonValue.JsonObject root = (JsonValue.JsonObject) parser.value();
        parser.skipWhitespace();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected " + parser.describeHere() + " after the end of the JSON value");
        }
        return root;
    }

    /**
     * The expression HCL gives a JSON value where an expression is expected: strings are templates (so
     * {@code "${var.x}"} is a reference), arrays tuples, objects objects whose keys are templates too, and
     * numbers, bools and null literals.
     */
    public static Expression toExpression(JsonValue value) {
        if (value instanceof JsonValue.JsonString string) {
            return template(string);
        }
        if (value instanceof JsonValue.JsonNumber number) {
            return new Expression.LiteralValue(number.value(), number.range());
        }
        if (value instanceof JsonValue.JsonBool bool) {
            return new Expression.LiteralValue(bool.value(), bool.range());
        }
        if (value instanceof JsonValue.JsonNull nul) {
            return new Expression.LiteralValue(null, nul.range());
        }
        if (value instanceof JsonValue.JsonArray array) {
            List<Expression> items = new ArrayList<>();
            for (JsonValue item : array.items()) {
                items.add(toExpression(item));
            }
            return new Expression.TupleCons(items, array.range());
        }
        JsonValue.JsonObject object = (JsonValue.JsonObject) value;
        List<Expression.ObjectItem> items = new ArrayList<>();
        for (JsonValue.Member member : object.members()) {
            SourceRange k = member.keyRange();
            Expression key = HclParser.parseTemplate(k.file(), member.key(), k.line(), k.column() + 1);
            Expression.ObjectItem item = new Expression.ObjectItem(key, toExpression(member.value()),
                    SourceRange.span(k, member.value().range()));
            items.add(item);
        }
        return new Expression.ObjectCons(items, object.range());
    }

    /**
     * A JSON string read as a template. Positions inside it are exact when the string has no escapes; with
     * escapes they are approximate within the string's line.
     */
    public static Expression template(JsonValue.JsonString string) {
        SourceRange r = string.range();
        return HclParser.parseTemplate(r.file(), string.value(), r.line(), r.column() + 1);
    }

    // ---------------------------------------------------------------- JSON

    private JsonValue value() {
        skipWhitespace();
        if (pos >= src.length()) {
            throw error("expected a JSON value, found the end of the file");
        }
        char c = src.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> keyword("true", Boolean.TRUE);
            case 'f' -> keyword("false", Boolean.FALSE);
            case 'n' -> keyword("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("expected a JSON value, found " + describeHere());
            }
        };
    }

    private JsonValue object() {
        int startLine = line;
        int startColumn = column;
        enter();
        advance();
        List<JsonValue.Member> members = new ArrayList<>();
        skipWhitespace();
        if (peek() == '}') {
            advance();
        } else {
            while (true) {
                skipWhitespace();
                if (peek() != '"') {
                    throw error(pos >= src.length() ? unclosed("object", startLine, startColumn)
                            : "expected a quoted property name, found " + describeHere());
                }
                JsonValue.JsonString key = string();
                skipWhitespace();
                if (peek() != ':') {
                    throw error(pos >= src.length() ? unclosed("object", startLine, startColumn)
                            : "expected ':' after the property name, found " + describeHere());
                }
                advance();
                JsonValue value = value();
                members.add(new JsonValue.Member(key.value(), key.range(), value));
                skipWhitespace();
                char c = peek();
                if (c == ',') {
                    advance();
                } else if (c == '}') {
                    advance();
                    break;
                } else {
                    throw error(pos >= src.length() ? unclosed("object", startLine, startColumn)
                            : "expected ',' or '}' in the object, found " + describeHere());
                }
            }
        }
        depth--;
        return new JsonValue.JsonObject(members, range(startLine, startColumn));
    }

    private JsonValue array() {
        int startLine = line;
        int startColumn = column;
        enter();
        advance();
        List<JsonValue> items = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            advance();
        } else {
            while (true) {
                if (pos >= src.length()) {
                    throw error(unclosed("array", startLine, startColumn));
                }
                items.add(value());
                skipWhitespace();
                char c = peek();
                if (c == ',') {
                    advance();
                } else if (c == ']') {
                    advance();
                    break;
                } else {
                    throw error(pos >= src.length() ? unclosed("array", startLine, startColumn)
                            : "expected ',' or ']' in the array, found " + describeHere());
                }
            }
        }
        depth--;
        return new JsonValue.JsonArray(items, range(startLine, startColumn));
    }

    private JsonValue.JsonString string() {
        int startLine = line;
        int startColumn = column;
        advance();
        StringBuilder out = new StringBuilder();
        boolean escapes = false;
        while (true) {
            if (pos >= src.length()) {
                throw new HclSyntaxException(file, startLine, startColumn, "unterminated string: no closing quote");
            }
            char c = src.charAt(pos);
            if (c == '"') {
                advance();
                return new JsonValue.JsonString(out.toString(), escapes, range(startLine, startColumn));
            }
            if (c < 0x20) {
                throw error("a control character (U+" + String.format("%04X", (int) c) + ") must be escaped in a"
                        + " JSON string");
            }
            if (c == '\\') {
                escapes = true;
                escape(out);
                continue;
            }
            out.append(c);
            advance();
        }
    }

    private void escape(StringBuilder out) {
        int escLine = line;
        int escColumn = column;
        advance();
        char c = peek();
        switch (c) {
            case '"' -> out.append('"');
            case '\\' -> out.append('\\');
            case '/' -> out.append('/');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> {
                if (pos + 5 > src.length()) {
                    throw new HclSyntaxException(file, escLine, escColumn, "\\u must be followed by 4 hexadecimal digits");
                }
                String hex = src.substring(pos + 1, pos + 5);
                for (int i = 0; i < 4; i++) {
                    if (Character.digit(hex.charAt(i), 16) < 0) {
                        throw new HclSyntaxException(file, escLine, escColumn,
                                "\\u must be followed by 4 hexadecimal digits");
                    }
                }
                out.append((char) Integer.parseInt(hex, 16));
                for (int i = 0; i < 5; i++) {
                    advance();
                }
                return;
            }
            default -> throw new HclSyntaxException(file, escLine, escColumn, "invalid escape sequence in a JSON"
                    + " string (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uNNNN)");
        }
        advance();
    }

    private JsonValue number() {
        int startLine = line;
        int startColumn = column;
        int start = pos;
        if (peek() == '-') {
            advance();
        }
        if (peek() == '0') {
            advance();
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("expected a digit in the number");
        }
        if (peek() == '.') {
            advance();
            if (!isDigit(peek())) {
                throw error("expected a digit after the decimal point");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            advance();
            if (peek() == '+' || peek() == '-') {
                advance();
            }
            if (!isDigit(peek())) {
                throw error("expected a digit in the exponent");
            }
            digits();
        }
        if (isDigit(peek()) || Character.isLetter(peek())) {
            throw error("invalid number: unexpected " + describeHere());
        }
        return new JsonValue.JsonNumber(new BigDecimal(src.substring(start, pos)), range(startLine, startColumn));
    }

    private JsonValue keyword(String word, Boolean value) {
        int startLine = line;
        int startColumn = column;
        if (!src.startsWith(word, pos) || (pos + word.length() < src.length()
                && Character.isLetterOrDigit(src.charAt(pos + word.length())))) {
            throw error("expected a JSON value, found " + describeHere());
        }
        for (int i = 0; i < word.length(); i++) {
            advance();
        }
        SourceRange r = range(startLine, startColumn);
        return value == null ? new JsonValue.JsonNull(r) : new JsonValue.JsonBool(value, r);
    }

    // ---------------------------------------------------------------- helpers

    private void enter() {
        if (++depth > Parser.MAX_NESTING) {
            throw error("nesting is deeper than " + Parser.MAX_NESTING + " levels");
        }
    }

    private void digits() {
        while (isDigit(peek())) {
            advance();
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private char peek() {
        return pos < src.length() ? src.charAt(pos) : '\0';
    }

    private void advance() {
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

    private void skipWhitespace() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            advance();
        }
    }

    private SourceRange range(int startLine, int startColumn) {
        return new SourceRange(file, startLine, startColumn, line, column);
    }

    private String unclosed(String what, int openLine, int openColumn) {
        return "unclosed " + what + " opened at line " + openLine + ", column " + openColumn
                + ": the file ends first";
    }

    private String describeHere() {
        if (pos >= src.length()) {
            return "the end of the file";
        }
        int cp = src.codePointAt(pos);
        return cp < 0x20 ? String.format("U+%04X", cp) : "'" + new String(Character.toChars(cp)) + "'";
    }

    private HclSyntaxException error(String message) {
        return new HclSyntaxException(file, line, column, message);
    }
}
