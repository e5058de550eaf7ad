package dev.roleplan.iam;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.roleplan.model.PolicyDocument;
import dev.roleplan.model.Statement;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;

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
}
