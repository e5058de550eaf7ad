package dev.roleplan.input.hcl.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Seeded random edits of the fixtures: whatever the input, the parser returns a tree or throws
 * {@link HclSyntaxException} with a position inside the file, never another exception.
 */
class HclFuzzTest {

    private static final String ALPHABET = "{}[]()\"'$%~=:?!<>&|+-*/.,#\n\r\t \\0123456789eE_xyzfor in if${%{<<EOT\u00e9";

    @Test
    void randomEditsNeverEscapeAsAnythingButSyntaxErrors() throws IOException {
        List<String> fixtures = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Path.of("testdata/hcl"))) {
            walk.filter(p -> p.toString().endsWith(".tf")).sorted().forEach(p -> {
                try {
                    fixtures.add(Files.readString(p, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        Random random = new Random(20261122L);
        int parsed = 0;
        int rejected = 0;
        for (int i = 0; i < 6000; i++) {
            String source = fixtures.get(random.nextInt(fixtures.size()));
            String mutant = mutate(source, random);
            try {
                HclParser.parseConfig("fuzz.tf", mutant);
                parsed++;
            } catch (HclSyntaxException e) {
                rejected++;
                long lines = mutant.chars().filter(c -> c == '\n').count() + 1;
                assertTrue(e.line() >= 1 && e.line() <= lines && e.column() >= 1, e.getMessage());
                assertEquals("fuzz.tf", e.file());
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("mutant " + i + " escaped as " + e + "\n" + mutant, e);
            }
        }
        assertEquals(6000, parsed + rejected);
        assertTrue(parsed > 100 && rejected > 1000, parsed + " parsed, " + rejected + " rejected");
    }

    @Test
    void randomEditsOfJsonNeverEscapeAsAnythingButSyntaxErrors() throws IOException {
        String source = Files.readString(Path.of("testdata/hcl/json/main.tf.json"), StandardCharsets.UTF_8);
        Random random = new Random(20261123L);
        int parsed = 0;
        int rejected = 0;
        for (int i = 0; i < 3000; i++) {
            String mutant = mutate(source, random);
            try {
                JsonValue.JsonObject root = HclJsonParser.parseConfig("fuzz.tf.json", mutant);
                for (JsonValue.Member member : root.members()) {
                    HclJsonParser.toExpression(member.value());
                }
                parsed++;
            } catch (HclSyntaxException e) {
                rejected++;
                assertEquals("fuzz.tf.json", e.file());
                assertTrue(e.line() >= 1 && e.column() >= 1, e.getMessage());
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("mutant " + i + " escaped as " + e + "\n" + mutant, e);
            }
        }
        assertTrue(parsed > 50 && rejected > 1000, parsed + " parsed, " + rejected + " rejected");
    }

    private static String mutate(String source, Random random) {
        StringBuilder text = new StringBuilder(source);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && text.length() > 0; e++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(4)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 2 -> text.setLength(at);
                default -> {
                    int len = Math.min(text.length() - at, 1 + random.nextInt(20));
                    String piece = text.substring(at, at + len);
                    text.insert(random.nextInt(text.length()), piece);
                }
            }
        }
        return text.toString();
    }
}
