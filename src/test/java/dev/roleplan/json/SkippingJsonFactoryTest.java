package dev.roleplan.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The byte skipper against Jackson's own skipChildren: after skipping the same values, both parsers read the
 * same tokens at the same line and column; damaged values are refused.
 */
class SkippingJsonFactoryTest {

    private static final JsonFactory JACKSON = new JsonFactory();

    private static SkippingJsonFactory skipping(int maxDepth) {
        return new SkippingJsonFactory((JsonFactoryBuilder) new JsonFactoryBuilder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build()));
    }

    /** Every value under "skip" keys is skipped, everything else read token by token: the trace of what is read. */
    private static List<String> trace(JsonParser p) throws IOException {
        List<String> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            out.add(t + " " + p.getText() + " @" + p.currentLocation().getLineNr() + ":" + p.currentLocation().getColumnNr());
            if (t == JsonToken.FIELD_NAME && p.currentName().startsWith("skip")) {
                p.nextToken();
                p.skipChildren(); // the byte skipper on a SkippingJsonFactory parser, Jackson's own otherwise
                out.add("skipped to " + p.currentToken() + " @" + p.currentLocation().getLineNr() + ":"
                        + p.currentLocation().getColumnNr() + " depth " + p.getParsingContext().getNestingDepth());
            }
        }
        return out;
    }

    private static List<String> traceBoth(byte[] json) throws IOException {
        List<String> expected;
        try (JsonParser p = JACKSON.createParser(json)) {
            expected = trace(p);
        }
        // from bytes in memory, whole
        try (JsonParser p = skipping(1000).createParser(json)) {
            assertInstanceOf(SkippingJsonFactory.Parser.class, p);
            assertEquals(expected, trace(p));
        }
        // through an InputStream, so that values cross the parser's buffer boundaries
        try (JsonParser p = skipping(1000).createParser((InputStream) new ByteArrayInputStream(json))) {
            assertInstanceOf(SkippingJsonFactory.Parser.class, p);
            List<String> actual = trace(p);
            assertEquals(expected, actual);
            return actual;
        }
    }

    @Test
    void skipsObjectsArraysAndScalarsWhereJacksonDoes() throws IOException {
        String json = """
                {"a": 1,
                 "skip1": {"x": "a \\" } ] [ {", "y": [1, 2, {"z": "\\\\"}], "e": "\\u00e9\\n"},
                 "b": "two",
                 "skip2": [[], {}, [{"k": null}], "]"],
                 "skip3": "scalar",
                 "skip4": 12.5e3,
                 "c": {"skip5": {"deep": {"deeper": [true, false]}}, "d": "é"}
                }
                """;
        List<String> read = traceBoth(json.getBytes(StandardCharsets.UTF_8));
        assertTrue(read.contains("VALUE_STRING two @3:12"), read.toString());
    }

    @Test
    void randomDocumentsWithLongStringsAndEscapesAcrossBufferBoundaries() throws IOException {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            StringBuilder sb = new StringBuilder();
            value(sb, random, 0, true);
            traceBoth(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void value(StringBuilder sb, Random r, int depth, boolean object) {
        if (object || depth < 6 && r.nextInt(3) == 0) {
            sb.append('{');
            int n = r.nextInt(5);
            for (int i = 0; i < n; i++) {
                sb.append(i > 0 ? "," : "").append(r.nextBoolean() ? "\n" : "").append('"')
                        .append(r.nextInt(3) == 0 ? "skip" : "k").append(i).append("\":");
                value(sb, r, depth + 1, false);
            }
            sb.append('}');
        } else if (depth < 6 && r.nextInt(3) == 0) {
            sb.append('[');
            int n = r.nextInt(5);
            for (int i = 0; i < n; i++) {
                sb.append(i > 0 ? ", " : "");
                value(sb, r, depth + 1, false);
            }
            sb.append(']');
        } else {
            switch (r.nextInt(4)) {
                case 0 -> sb.append(r.nextInt(100_000));
                case 1 -> sb.append(r.nextBoolean());
                case 2 -> sb.append("null");
                default -> {
                    sb.append('"');
                    int len = r.nextInt(4) == 0 ? 5_000 + r.nextInt(12_000) : r.nextInt(20);
                    for (int i = 0; i < len; i++) {
                        switch (r.nextInt(12)) {
                            case 0 -> sb.append("\\\"");
                            case 1 -> sb.append("\\\\");
                            case 2 -> sb.append("{[}]");
                            case 3 -> sb.append("\\u20ac");
                            case 4 -> sb.append('é');
                            default -> sb.append((char) ('a' + r.nextInt(26)));
                        }
                    }
                    sb.append('"');
                }
            }
        }
    }

    private static Exception skipFails(String json, int maxDepth) {
        return assertThrows(IOException.class, () -> {
            try (JsonParser p = skipping(maxDepth).createParser((InputStream) new ByteArrayInputStream(
                    json.getBytes(StandardCharsets.UTF_8)))) {
                assertEquals(JsonToken.START_OBJECT, p.nextToken());
                assertEquals(JsonToken.FIELD_NAME, p.nextToken());
                p.nextToken();
                p.skipChildren();
                while (p.nextToken() != null) {
                    // read to the end
                }
            }
        });
    }

    @Test
    void refusesDamagedValuesItSkips() {
        assertTrue(skipFails("{\"s\": {\"a\": [1, 2}}", 100).getMessage().contains("Unexpected close marker '}': expected ']'"));
        assertTrue(skipFails("{\"s\": {\"a\": \"unterminated}", 100).getMessage().contains("ends inside a string"));
        assertTrue(skipFails("{\"s\": {\"a\": [1, 2]", 100).getMessage().contains("ends inside a value"));
        assertTrue(skipFails("{\"s\": {\"a\": \"line\nbreak\"}}", 100).getMessage().contains("control character"));
        assertTrue(skipFails("{\"s\": {\"a\": \"ends in a backslash\\", 100).getMessage().contains("ends inside a string"));
        assertInstanceOf(JsonParseException.class, skipFails("{\"s\": {\"a\": 1}}}", 100));
    }

    @Test
    void refusesNestingDeeperThanTheLimitAsJacksonDoes() throws IOException {
        String deep = "{\"s\": " + "[".repeat(9) + "]".repeat(9) + "}";
        // depth 10 in all (the outer object and nine arrays): allowed at 10, refused at 9
        try (JsonParser p = skipping(10).createParser((InputStream) new ByteArrayInputStream(deep.getBytes(StandardCharsets.UTF_8)))) {
            trace(p);
        }
        Exception e = skipFails(deep, 9);
        assertInstanceOf(StreamConstraintsException.class, e);
        assertTrue(e.getMessage().contains("Document nesting depth (10) exceeds the maximum allowed (9"), e.getMessage());
        Exception jackson = assertThrows(StreamConstraintsException.class, () -> {
            try (JsonParser p = new JsonFactoryBuilder().streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(9).build()).build().createParser(deep)) {
                while (p.nextToken() != null) {
                    // Jackson refuses the same document at the same depth
                }
            }
        });
        assertTrue(jackson.getMessage().contains("Document nesting depth (10) exceeds the maximum allowed (9"), jackson.getMessage());
    }
}
