package dev.roleplan.rules;

import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleMeta;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every rule has a unique id, a place in the sorted registry, a test named after it, and a doc page whose
 * header matches its metadata; the docs index is generated from the registry (run with
 * -Droleplan.writeDocs=true to rewrite it).
 */
class RuleCatalogTest {

    private static final Path DOCS = Path.of("docs/rules");

    @Test
    void idsAreUniqueWellFormedAndSorted() {
        List<String> ids = BuiltInRules.all().stream().map(r -> r.meta().id()).toList();
        assertEquals(new HashSet<>(ids).size(), ids.size(), "duplicate ids: " + ids);
        assertEquals(ids.stream().sorted().toList(), ids, "BuiltInRules.all() must be sorted by id");
        ids.forEach(id -> assertTrue(id.matches("RP[1-9]\\d\\d"), id));
    }

    @Test
    void metadataFollowsTheHouseStyle() {
        for (Rule rule : BuiltInRules.all()) {
            RuleMeta m = rule.meta();
            assertTrue(!m.summary().endsWith("."), m.id() + ": a summary has no trailing period");
            assertTrue(Character.isUpperCase(m.summary().charAt(0)), m.id() + ": a summary starts with a capital");
            assertTrue(m.description().endsWith("."), m.id() + ": a description ends with a period");
            assertTrue(m.name().matches("[a-z0-9]+(-[a-z0-9]+)*"), m.id() + ": " + m.name());
        }
    }

    @Test
    void everyRuleHasATestNamedAfterIt() {
        List<String> missing = new ArrayList<>();
        for (Rule rule : BuiltInRules.all()) {
            String path = "src/test/java/" + rule.getClass().getName().replace('.', '/') + "Test.java";
            if (!Files.exists(Path.of(path))) {
                missing.add(rule.meta().id() + ": " + path);
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyRuleHasADocPageWithTheRequiredSections() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Rule rule : BuiltInRules.all()) {
            RuleMeta m = rule.meta();
            Path page = DOCS.resolve(m.id() + ".md");
            if (!Files.exists(page)) {
                problems.add(page + " is missing");
                continue;
            }
            String text = Files.readString(page, StandardCharsets.UTF_8);
            String header = "# " + m.id() + " " + m.name() + "\n\n**Severity:** " + m.severity().label() + "\n\n" + m.summary() + ".\n";
            if (!text.startsWith(header)) {
                problems.add(page + " must start with:\n" + header);
            }
            for (String section : List.of("## Why it matters", "## Fails", "## Passes", "## How to fix", "## Suppress")) {
                if (!text.contains("\n" + section + "\n")) {
                    problems.add(page + " lacks the section \"" + section + "\"");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void noDocPageForARuleThatDoesNotExist() throws IOException {
        Set<String> ids = new HashSet<>();
        BuiltInRules.all().forEach(r -> ids.add(r.meta().id() + ".md"));
        ids.add("README.md");
        try (var files = Files.list(DOCS)) {
            List<String> stray = files.map(p -> p.getFileName().toString()).filter(n -> !ids.contains(n)).sorted().toList();
            assertEquals(List.of(), stray);
        }
    }

    @Test
    void docsIndexIsGeneratedFromTheRegistry() throws IOException {
        StringBuilder index = new StringBuilder("# Rules\n\nGenerated from the rule registry by RuleCatalogTest; do not edit by hand.\n\n")
                .append("| id | name | severity | catches |\n|---|---|---|---|\n");
        for (Rule rule : BuiltInRules.all()) {
            RuleMeta m = rule.meta();
            index.append("| [").append(m.id()).append("](").append(m.id()).append(".md) | ").append(m.name()).append(" | ")
                    .append(m.severity().label()).append(" | ").append(m.summary().replace("|", "\\|")).append(" |\n");
        }
        Path readme = DOCS.resolve("README.md");
        if (Boolean.getBoolean("roleplan.writeDocs")) {
            Files.writeString(readme, index.toString(), StandardCharsets.UTF_8);
        }
        assertEquals(index.toString(), Files.exists(readme) ? Files.readString(readme, StandardCharsets.UTF_8) : "",
                "docs/rules/README.md is stale: run mvn test -Dtest=RuleCatalogTest -Droleplan.writeDocs=true");
    }
}
