package dev.roleplan.input.plan;

import dev.roleplan.input.InputException;
import dev.roleplan.model.Infrastructure;
import dev.roleplan.resolve.Resolver;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Damaged copies of every fixture (cut short, one byte changed), with a fixed seed: each is read and
 * resolved or refused with an InputException naming it; never another exception.
 */
class DamagedPlanTest {

    private static final byte[] REPLACEMENTS = {'{', '}', '[', ']', '"', ':', ',', '0', 'x', 0, (byte) 0xC3, (byte) 0xFF, '\\', ' '};

    @Test
    void damagedPlansAreReadOrRefusedNeverCrash() throws IOException {
        List<Path> fixtures;
        try (Stream<Path> files = Files.walk(Path.of("testdata/plans"))) {
            fixtures = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        Random random = new Random(20261122L);
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (Path fixture : fixtures) {
            byte[] plan = Files.readAllBytes(fixture);
            for (int i = 0; i < 25; i++) {
                int at = random.nextInt(plan.length);
                check(Arrays.copyOf(plan, at), fixture + " cut at " + at, failures);
                byte[] changed = plan.clone();
                changed[at] = REPLACEMENTS[random.nextInt(REPLACEMENTS.length)];
                check(changed, fixture + " byte " + at + " changed", failures);
                cases += 2;
            }
        }
        assertEquals(List.of(), failures, cases + " damaged plans");
    }

    private static void check(byte[] bytes, String what, List<String> failures) {
        try {
            Infrastructure input = new PlanReader().read(new ByteArrayInputStream(bytes), "damaged.json");
            new Resolver().resolve(List.of(input));
        } catch (InputException e) {
            if (!e.getMessage().startsWith("damaged.json")) {
                failures.add(what + ": " + e.getMessage());
            }
        } catch (RuntimeException | StackOverflowError e) {
            failures.add(what + ": " + e);
        }
    }
}
