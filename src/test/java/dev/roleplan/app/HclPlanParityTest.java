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

    /**
     * A configuration and the plan terraform prints for it, with the findings where the two inputs may
     * differ because the .tf files tell more than the plan (each explained).
     */
    private record Scenario(String hcl, String plan, List<String> onlyFromHcl, List<String> onlyFromPlan) {
    }

    private static final List<Scenario> SCENARIOS = List.of(
            new Scenario("testdata/example", "testdata/example/plan.json", List.of(), List.of()),
            // var.use_first defaults to true: the .tf files pick aws_iam_role.task[0]; the plan records only
            // that the (unknown) ARN comes from one of the two instances, so its role stays unknown (RP104).
            new Scenario("testdata/hcl/parity/count_indexed_roles", "testdata/plans/count_indexed_roles.json",
                    List.of("RP106 | aws_ecs_task_definition.either | TASK | aws_iam_role.task[0] | assume_role_policy | 0 | "
                            + "The trust policy of aws_iam_role.task[0] (task role of aws_ecs_task_definition.either) lets "
                            + "ecs-tasks.amazonaws.com assume it without an aws:SourceAccount or aws:SourceArn condition; add one "
                            + "to bound the trust to your own account."),
                    List.of("RP104 | aws_ecs_task_definition.either | TASK | (unknown) | null | null | The task role of "
                            + "aws_ecs_task_definition.either is unknown: task_role_arn could be any of aws_iam_role.task[0], "
                            + "aws_iam_role.task[1]; the configuration does not say which. Its permissions are not analysed.")));

    private final Analyzer analyzer = new Analyzer(plan(), hcl(), new Resolver()::resolve);

    @Test
    void findingsFromTfFilesEqualFindingsFromThePlan() {
        for (Scenario scenario : SCENARIOS) {
            List<String> fromHcl = keys(scenario.hcl());
            List<String> fromPlan = keys(scenario.plan());
            assertFalse(fromPlan.isEmpty(), scenario + " has findings to compare");
            List<String> onlyHcl = fromHcl.stream().filter(k -> !fromPlan.contains(k)).toList();
            List<String> onlyPlan = fromPlan.stream().filter(k -> !fromHcl.contains(k)).toList();
            assertEquals(scenario.onlyFromHcl(), onlyHcl, scenario.hcl());
            assertEquals(scenario.onlyFromPlan(), onlyPlan, scenario.hcl());
            assertEquals(fromPlan.size() - onlyPlan.size(), fromHcl.size() - onlyHcl.size(), scenario.hcl());
        }
    }

    @Test
    void everyFindingFromTfFilesHasAFileAndLine() {
        for (Scenario scenario : SCENARIOS) {
            for (Finding finding : findings(scenario.hcl())) {
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
        return dev.roleplan.testing.Frontends.of(reader::read, reader::read);
    }

    private static Frontend hcl() {
        HclReader reader = new HclReader();
        return dev.roleplan.testing.Frontends.of(reader::read, reader::read);
    }
}
