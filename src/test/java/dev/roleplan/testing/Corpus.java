package dev.roleplan.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shared corpus of real plans is: {@code ../shared/corpus/plans}, or further up from a worktree.
 *
 * <p>CI runs with the corpus beside the checkout and {@code -Dcorpus.required=true}: there a missing corpus
 * fails. A clone on its own (no {@code ../shared}) skips the corpus tests with a reason instead of failing.
 */
public final class Corpus {

    private Corpus() {
    }

    /** The corpus directory, or null when there is none beside the project. */
    public static Path plansIfPresent() {
        Path here = Path.of("").toAbsolutePath();
        for (Path d = here.getParent(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared/corpus/plans");
            if (Files.isDirectory(candidate)) {
                return here.relativize(candidate);
            }
        }
        return null;
    }

    /** The corpus directory; a failure when it is missing and required, otherwise the calling test is skipped. */
    public static Path plans() {
        Path plans = plansIfPresent();
        if (plans == null) {
            String where = Path.of("../shared/corpus/plans").toAbsolutePath().normalize().toString();
            if (Boolean.getBoolean("corpus.required")) {
                Assertions.fail("the shared corpus must be beside the project (-Dcorpus.required=true): " + where);
            }
            Assumptions.abort("no shared corpus at " + where + " (CI has it and sets -Dcorpus.required=true)");
        }
        return plans;
    }
}
