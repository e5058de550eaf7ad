package dev.roleplan.input.plan;

import dev.roleplan.input.InputException;
import dev.roleplan.model.Infrastructure;
import dev.roleplan.resolve.Resolver;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every real plan in the shared corpus is either read and resolved, or refused with an InputException whose
 * message names the file; never another exception.
 */
class CorpusTest {

    /** Files that must be refused, with a word their message must contain (see the corpus README). */
    static final Map<String, String> REFUSED = new TreeMap<>(Map.ofEntries(
            Map.entry("hashicorp__terraform-json__testdata__invalid__plan.json", "not valid JSON"),
            // 'terraform show -json' of a state, not of a plan
            Map.entry("hashicorp__terraform-json__testdata__moved_block__show.json", "is a Terraform state"),
            Map.entry("hashicorp__terraform__internal__command__testdata__show-json-state__basic__output.json", "is a Terraform state"),
            Map.entry("hashicorp__terraform__internal__command__testdata__show-json-state__modules__output.json", "is a Terraform state"),
            Map.entry("hashicorp__terraform__internal__command__testdata__show-json-state__sensitive-variables__output.json", "is a Terraform state"),
            Map.entry("opentofu__opentofu__internal__command__testdata__show-json-state__basic__output.json", "is a Terraform state"),
            Map.entry("opentofu__opentofu__internal__command__testdata__show-json-state__modules__output.json", "is a Terraform state"),
            Map.entry("opentofu__opentofu__internal__command__testdata__show-json-state__sensitive-variables__output.json", "is a Terraform state"),
            // {"format_version": "1.0"} and nothing else: the show output of an empty state
            Map.entry("hashicorp__terraform__internal__command__testdata__show-json-state__empty__output.json", "not a Terraform plan"),
            Map.entry("hashicorp__terraform__internal__command__testdata__show-json-state__no-state__output.json", "not a Terraform plan"),
            Map.entry("opentofu__opentofu__internal__command__testdata__show-json-state__empty__output.json", "not a Terraform plan"),
            Map.entry("opentofu__opentofu__internal__command__testdata__show-json-state__no-state__output.json", "not a Terraform plan")));

    @Test
    void everyCorpusFileIsReadOrRefusedClearly() throws IOException {
        Path corpus = dev.roleplan.testing.Corpus.plans();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("README.md")).sorted().toList();
        }
        assertTrue(files.size() > 300, "corpus files found: " + files.size());
        List<String> unexpected = new ArrayList<>();
        Map<String, String> refused = new TreeMap<>();
        int read = 0;
        for (Path file : files) {
            try {
                Infrastructure input = new PlanReader().read(file);
                new Resolver().resolve(List.of(input));
                read++;
            } catch (InputException e) {
                String name = file.getFileName().toString();
                if (!e.getMessage().contains(file.toString())) {
                    unexpected.add(name + ": message does not name the file: " + e.getMessage());
                }
                refused.put(name, e.getMessage());
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                unexpected.add(file.getFileName() + ": " + e);
            }
        }
        refused.forEach((name, message) -> System.out.println("refused: " + message));
        assertEquals(List.of(), unexpected);
        assertEquals(REFUSED.keySet(), refused.keySet(), "refused files: " + refused.values());
        REFUSED.forEach((name, word) -> assertTrue(refused.get(name).contains(word), refused.get(name)));
        assertEquals(files.size(), read + refused.size());
    }
}
