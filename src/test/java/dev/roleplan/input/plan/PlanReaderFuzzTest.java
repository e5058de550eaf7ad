package dev.roleplan.input.plan;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.roleplan.engine.Engine;
import dev.roleplan.input.InputException;
import dev.roleplan.input.InputLimits;
import dev.roleplan.model.Infrastructure;
import dev.roleplan.model.Model;
import dev.roleplan.resolve.Resolver;
import dev.roleplan.rules.BuiltInRules;

import java.io.ByteArrayInputStream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Any bytes: the reader gives a model or an InputException that names the input, never another exception; what
 * it reads resolves and runs through every rule without one either. Seeds: PlanReaderFuzzTestInputs/readAnyBytes
 * (small plans of testdata and the corpus). Fuzz: JAZZER_FUZZ=1 mvn test -Dtest=PlanReaderFuzzTest.
 */
class PlanReaderFuzzTest {

    // small limits keep each execution fast and make the limits themselves part of what is fuzzed
    private static final PlanReader READER = new PlanReader(PlanReader.Options.of(
            InputLimits.defaults().withMaxInputBytes(1 << 20).withMaxDepth(64)));
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
}
