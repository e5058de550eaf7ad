package dev.roleplan.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every real plan in the shared corpus, through the real command line: exit 0, 1 or 3, a one-line reason
 * naming the file when 3, and never a stack trace.
 */
class CorpusCliTest {

    /**
     * The corpus holds one deliberately invalid plan and eleven `terraform show -json` outputs of a state, not
     * a plan (the show-json-state golden files and terraform-json's moved_block fixture).
     */
    private static final int EXPECTED_REFUSALS = 12;

    @Test
    void everyCorpusPlanIsReadOrRefusedCleanly() throws IOException {
        Path corpus = dev.roleplan.testing.Corpus.plans();
        List<String> problems = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        int read = 0;
        int refused = 0;
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path file : files.sorted().toList()) {
                Cli r = Cli.run("check", file.toString(), "--format", "json");
                if (r.code() == 0 || r.code() == 1) {
                    read++;
                } else if (r.code() == 3) {
                    refused++;
                    refusals.add(r.err().strip());
                    String[] lines = r.err().split("\n");
                    if (lines.length != 1 || !lines[0].startsWith("roleplan: cannot read " + file)) {
                        problems.add(file.getFileName() + ": refusal is not one line naming the file: " + r.err());
                    }
                } else {
                    problems.add(file.getFileName() + ": exit " + r.code() + ": " + r.err());
                }
                if (r.err().contains("\tat ") || r.err().contains("Exception")) {
                    problems.add(file.getFileName() + ": stack trace or exception name on stderr: " + r.err());
                }
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(356, read + refused, "corpus size");
        assertEquals(EXPECTED_REFUSALS, refused, "read " + read + ", refused " + refused + ":\n" + String.join("\n", refusals));
    }
}
