package dev.roleplan.iam;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Test;
import dev.roleplan.model.PolicyDocument;
import dev.roleplan.model.Statement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any text as a policy: the parser returns a document (problems listed, never thrown), and the evaluator decides
 * every request built from the document's own actions and resources without an exception.
 * Seeds: PolicyFuzzTestInputs/parseAndEvaluate (policies from the example plan and the ECS scenarios).
 */
class PolicyFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void parseAndEvaluate(byte[] data) {
        PolicyDocument document = PolicyParser.parse(new String(data, StandardCharsets.UTF_8));
        assertNotNull(document.problems());
        for (Statement s : document.statements()) {
            List<String> actions = s.actions() == null ? List.of("s3:GetObject") : s.actions().values();
            List<String> resources = s.resources() == null ? List.of("*") : s.resources().values();
            for (String action : actions.subList(0, Math.min(3, actions.size()))) {
                for (String resource : resources.subList(0, Math.min(3, resources.size()))) {
                    assertNotNull(PolicyEvaluator.evaluate(List.of(document), null, action, resource));
                    assertNotNull(PolicyEvaluator.evaluate(List.of(document), document, action, "arn:aws:s3:::b/k"));
                }
            }
        }
    }

    /**
     * Any text as a role's only policy: effective permissions and the access deltas against nothing are computed
     * without an exception; a delta's entries are in its order (kind, action in lower case, resource), granting
     * from nothing is removing to nothing, and {@link AccessComparison.Delta#widens(String)} agrees with a walk.
     * Seeds: PolicyFuzzTestInputs/grantsAndDeltas; parseAndEvaluate's seeds are checked the same way on each test
     * run ({@link #parseAndEvaluateSeedsAlsoGiveGrantsAndDeltas}).
     */
    @FuzzTest(maxDuration = "10m")
    void grantsAndDeltas(byte[] data) {
        PolicyDocument document = PolicyParser.parse(new String(data, StandardCharsets.UTF_8));
        ActionCatalog catalog = ActionCatalog.get();
        assertNotNull(EffectivePermissions.ofDocuments(List.of(document), catalog).grants());
        AccessComparison.PolicySet set = AccessComparison.PolicySet.of(List.of(document), null);
        AccessComparison.Delta added = AccessComparison.compare(AccessComparison.PolicySet.empty(), set, catalog);
        AccessComparison.Delta removed = AccessComparison.compare(set, AccessComparison.PolicySet.empty(), catalog);
        assertEquals(keys(added.of(AccessComparison.Kind.ADDED)), keys(removed.of(AccessComparison.Kind.REMOVED)));
        for (AccessComparison.Delta d : List.of(added, removed)) {
            List<AccessComparison.Entry> entries = d.entries();
            for (int i = 1; i < entries.size(); i++) {
                assertTrue(ORDER.compare(entries.get(i - 1), entries.get(i)) < 0, () -> "out of order: " + entries);
            }
        }
        for (AccessComparison.Entry e : added.entries().subList(0, Math.min(50, added.entries().size()))) {
            String lower = e.action().toLowerCase(java.util.Locale.ROOT);
            assertEquals(added.entries().stream().anyMatch(x -> x.kind().widens() && x.action().equalsIgnoreCase(e.action())),
                    added.widens(lower));
        }
    }

    private static final java.util.Comparator<AccessComparison.Entry> ORDER =
            java.util.Comparator.comparing(AccessComparison.Entry::kind)
                    .thenComparing(e -> e.action().toLowerCase(java.util.Locale.ROOT))
                    .thenComparing(AccessComparison.Entry::resource);

    private static List<String> keys(List<AccessComparison.Entry> entries) {
        return entries.stream().map(e -> e.action() + " " + e.resource() + " " + e.conditional()).toList();
    }

    @Test
    void parseAndEvaluateSeedsAlsoGiveGrantsAndDeltas() throws IOException {
        Path seeds = Path.of("src/test/resources/dev/roleplan/iam/PolicyFuzzTestInputs/parseAndEvaluate");
        List<Path> files;
        try (Stream<Path> list = Files.list(seeds)) {
            files = list.sorted().toList();
        }
        assertTrue(files.size() > 50, "parseAndEvaluate's seeds: " + files.size());
        for (Path file : files) {
            grantsAndDeltas(Files.readAllBytes(file));
        }
    }
}
