package dev.roleplan.app;

import dev.roleplan.engine.Finding;
import dev.roleplan.input.hcl.HclReader;
import dev.roleplan.input.plan.PlanReader;
import dev.roleplan.model.Infrastructure;
import dev.roleplan.resolve.Resolver;
import dev.roleplan.rules.BuiltInRules;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 5's parity requirement: for every HCL scenario with a plan written to match it, the findings from
 * the {@code .tf} files and from the plan are the same apart from locations.
 */
class HclPlanParityTest {

    private static final List<String> SCENARIOS = List.of("testdata/example");

    private final Analyzer analyzer = new Analyzer(plan(), hcl(), new Resolver()::resolve);

    @Test
    void findingsFromTfFilesEqualFindingsFromThePlan() {
        for (String scenario : SCENARIOS) {
            List<String> fromHcl = keys(scenario);
            List<String> fromPlan = keys(scenario + "/plan.json");
            assertFalse(fromPlan.isEmpty(), scenario + " has findings to compare");
            assertEquals(fromPlan, fromHcl, scenario);
        }
    }

    @Test
    void everyFindingFromTfFilesHasAFileAndLine() {
        for (String scenario : SCENARIOS) {
            for (Finding finding : findings(scenario)) {
                assertTrue(finding.location() != null && finding.location().hasLine()
                        && finding.location().file().endsWith(".tf"), finding.rule().id() + " " + finding.location());
            }
        }
    }

    @Test
    void exampleFindingsPointAtTheRoleBlocks() {
        List<String> located = findings("testdata/example").stream()
                .filter(f -> f.rule().id().equals("RP101"))
                .map(f -> f.location().toString()).toList();
        assertEquals(List.of("modules/iam/main.tf:15"), located);
    }

    @Test
    void statementFindingsPointAtTheStatementsLine() {
        List<String> located = findings("testdata/example").stream()
                .filter(f -> f.rule().id().equals("RP302") || f.rule().id().equals("RP107"))
                .map(f -> f.rule().id() + " " + f.policy() + " " + f.statement() + " " + f.location())
                .distinct().sorted().toList();
        assertEquals(List.of(
                "RP107 assume_role_policy 0 modules/iam/main.tf:42",
                "RP302 module.iam.aws_iam_policy.task Assets modules/iam/main.tf:55",
                "RP302 module.iam.aws_iam_role_policy.execution_secrets 0 modules/iam/main.tf:30"), located);
    }

    private List<String> keys(String input) {
        return findings(input).stream()
                .map(f -> String.join(" | ", f.rule().id(), String.valueOf(f.taskDefinition()), String.valueOf(f.roleKind()),
                        String.valueOf(f.role()), String.valueOf(f.policy()), String.valueOf(f.statement()), f.message()))
                .sorted().toList();
    }

    private List<Finding> findings(String input) {
        InputStream none = new ByteArrayInputStream(new byte[0]);
        return analyzer.analyze(List.of(input), none, BuiltInRules.all()).findings();
    }

    private static Frontend plan() {
        PlanReader reader = new PlanReader();
        return new Frontend() {
            @Override
            public Infrastructure read(Path path) {
                return reader.read(path);
            }

            @Override
            public Infrastructure read(InputStream in, String displayName) {
                return reader.read(in, displayName);
            }
        };
    }

    private static Frontend hcl() {
        HclReader reader = new HclReader();
        return new Frontend() {
            @Override
            public Infrastructure read(Path path) {
                return reader.read(path);
            }

            @Override
            public Infrastructure read(InputStream in, String displayName) {
                return reader.read(in, displayName);
            }
        };
    }
}
