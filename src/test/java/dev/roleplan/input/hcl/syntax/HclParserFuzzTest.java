package dev.roleplan.input.hcl.syntax;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any text as a .tf file: a body, or an HclSyntaxException naming file:line:col, never another exception.
 * Coverage-guided complement of the seeded HclFuzzTest. Seeds: HclParserFuzzTestInputs/parseAnyText (the
 * testdata/hcl fixtures).
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
}
