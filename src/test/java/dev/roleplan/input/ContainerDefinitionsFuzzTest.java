package dev.roleplan.input;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Any text as container_definitions: containers and problems, never an exception.
 * Seeds: ContainerDefinitionsFuzzTestInputs/parseAnyText (container lists of testdata and the corpus).
 */
class ContainerDefinitionsFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void parseAnyText(byte[] data) {
        ContainerDefinitionsParser.Result result = ContainerDefinitionsParser.parse(new String(data, StandardCharsets.UTF_8));
        assertNotNull(result.containers());
        assertNotNull(result.problems());
    }
}
