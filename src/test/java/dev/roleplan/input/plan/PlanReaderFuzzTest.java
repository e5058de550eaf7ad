package dev.roleplan.input.plan;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Test;
import dev.roleplan.engine.Engine;
import dev.roleplan.input.InputException;
import dev.roleplan.input.InputLimits;
import dev.roleplan.model.Infrastructure;
import dev.roleplan.model.Model;
import dev.roleplan.resolve.Resolver;
import dev.roleplan.rules.BuiltInRules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any bytes: the reader gives a model or an InputException that names the input, never another exception; what
 * it reads resolves and runs through every rule without one either. Seeds: PlanReaderFuzzTestInputs/readAnyBytes
 * (small plans of the corpus and inputs found by fuzzing); every JSON file of testdata is checked the same way on
 * each test run. Fuzz: JAZZER_FUZZ=1 mvn test -Dtest=PlanReaderFuzzTest.
 */
class PlanReaderFuzzTest {

    // small limits keep each execution fast and make the limits themselves part of what is fuzzed
    private static final PlanReader READER = new PlanReader(
            InputLimits.defaults().withMaxInputBytes(1 << 20).withMaxDepth(64));
    private static final Resolver RESOLVER = new Resolver();
    private static final Engine ENGINE = new Engine(BuiltInRules.all());

    @FuzzTest(maxDuration = "10m")
    void readAnyBytes(byte[] data) {
        Infrastructure input;
        try {
            input = READER.read(new ByteArrayInputStream(data), "fuzz.json");
        } catch (InputException e) {
            assertNotNull(e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
            return;
        }
        Model model = RESOLVER.resolve(java.util.List.of(input));
        assertNotNull(ENGINE.run(model));
    }

    @Test
    void everyJsonFileOfTestdataGivesAModelOrAOneLineError() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("testdata"))) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() > 60, "the JSON files of testdata: " + files.size());
        for (Path file : files) {
            readAnyBytes(Files.readAllBytes(file));
        }
    }
}
