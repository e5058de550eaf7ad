package dev.roleplan.input.hcl.syntax;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any text as a .tf file: a body, or an HclSyntaxException naming file:line:col, never another exception.
 * Coverage-guided complement of the seeded HclFuzzTest. Every .tf fixture of testdata is checked the same way
 * on each test run; to start a fuzzing run from them, copy them into Jazzer's corpus first:
 * <pre>
 * d=.cifuzz-corpus/dev.roleplan.input.hcl.syntax.HclParserFuzzTest/parseAnyText; mkdir -p $d
 * find testdata -name '*.tf' | while read -r f; do cp "$f" "$d/$(echo "$f" | tr / _)"; done
 * JAZZER_FUZZ=1 mvn test -Dtest=HclParserFuzzTest
 * </pre>
 */
class HclParserFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void parseAnyText(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            assertNotNull(HclParser.parseConfig("fuzz.tf", text));
        } catch (HclSyntaxException e) {
            assertTrue(e.getMessage().startsWith("fuzz.tf:"), e.getMessage());
        }
    }

    @Test
    void everyFixtureParsesOrFailsAtAPosition() throws IOException {
        List<Path> fixtures;
        try (Stream<Path> walk = Files.walk(Path.of("testdata"))) {
            fixtures = walk.filter(p -> p.toString().endsWith(".tf")).sorted().toList();
        }
        assertTrue(fixtures.size() > 200, "the .tf fixtures of testdata: " + fixtures.size());
        for (Path fixture : fixtures) {
            parseAnyText(Files.readAllBytes(fixture));
        }
    }
}
