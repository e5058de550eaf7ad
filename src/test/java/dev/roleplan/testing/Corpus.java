package dev.roleplan.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared corpus of real plans is: {@code ../shared/corpus/plans}, or further up from a worktree. */
public final class Corpus {

    private Corpus() {
    }

    public static Path plans() {
        Path here = Path.of("").toAbsolutePath();
        for (Path d = here.getParent(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared/corpus/plans");
            if (Files.isDirectory(candidate)) {
                return here.relativize(candidate);
            }
        }
        return Path.of("../shared/corpus/plans");
    }
}
