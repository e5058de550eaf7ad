package dev.roleplan.input.hcl.syntax;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Entry points of the HCL native-syntax parser. Every method either returns a complete tree or throws
 * {@link HclSyntaxException} with the file, line and column of the first problem; nothing is skipped or
 * guessed. The parser reads only the text it is given: no network, no files, no output.
 */
public final class HclParser {

    private HclParser() {
    }

    /** Parses a configuration file's text; {@code file} is the name used in positions and errors. */
    public static Body parseConfig(String file, String text) {
        return new Parser(file, Lexer.of(file, text)).parseFile();
    }

    /** A configuration file's tree and its comments (for directives such as {@code # roleplan:ignore}). */
    public record ParsedFile(Body body, List<Comment> comments) {
        public ParsedFile {
            comments = List.copyOf(comments);
        }
    }

    /** As {@link #parseConfig(String, String)}, keeping the file's comments with their positions. */
    public static ParsedFile parseConfigWithComments(String file, String text) {
        Lexer lexer = Lexer.of(file, text);
        Body body = new Parser(file, lexer).parseFile();
        return new ParsedFile(body, lexer.comments());
    }

    /** Parses a single expression, as found on the right of {@code =}; newlines are ignored. */
    public static Expression parseExpression(String file, String text) {
        return new Parser(file, Lexer.of(file, text)).parseStandaloneExpression();
    }

    /** Parses a whole text as a template (the language of {@code templatefile}). */
    public static Expression parseTemplate(String file, String text) {
        return parseTemplate(file, text, 1, 1);
    }

    /** As {@link #parseTemplate(String, String)}, for text that starts at that line and column of its file. */
    public static Expression parseTemplate(String file, String text, int line, int column) {
        return new Parser(file, Lexer.ofTemplate(file, text, line, column)).parseStandaloneTemplate();
    }

    /** As {@link #parseExpression(String, String)}, for text that starts at that line and column of its file. */
    public static Expression parseExpression(String file, String text, int line, int column) {
        return new Parser(file, Lexer.of(file, text, line, column)).parseStandaloneExpression();
    }

    /**
     * A file's bytes as text: UTF-8, as the specification requires; invalid UTF-8 is a syntax error at 1:1 of
     * {@code file}.
     */
    public static String decodeUtf8(String file, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new HclSyntaxException(file, 1, 1, "the file is not valid UTF-8");
        }
    }
}
