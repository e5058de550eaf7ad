package dev.roleplan.config;

import dev.roleplan.engine.Engine;
import dev.roleplan.engine.Finding;
import dev.roleplan.engine.Suppression;
import dev.roleplan.rules.BuiltInRules;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.roleplan.testing.Fixtures.model;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaselineTest {

    private static final String S3 = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""";
    private static final String STAR = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";

    private static List<Finding> run(dev.roleplan.model.Model m) {
        return new Engine(BuiltInRules.all()).run(m);
    }

    private static dev.roleplan.testing.Fixtures.TaskDefinitionBuilder api() {
        return taskDefinition("aws_ecs_task_definition.api").execution(role("aws_iam_role.exec").inline("aws_iam_role_policy.e", S3))
                .task(role("aws_iam_role.task").inline("aws_iam_role_policy.t", STAR));
    }

    private static dev.roleplan.testing.Fixtures.TaskDefinitionBuilder worker() {
        return taskDefinition("aws_ecs_task_definition.worker").execution(role("aws_iam_role.wexec").inline("aws_iam_role_policy.w", S3));
    }

    @Test
    void fingerprintsSurviveReorderingAndUnrelatedAdditions() {
        String before = Baseline.write(run(model(api(), worker())));
        assertEquals(before, Baseline.write(run(model(worker(), api()))));
        var unrelated = taskDefinition("aws_ecs_task_definition.clean").execution(role("aws_iam_role.clean"));
        assertEquals(before, Baseline.write(run(model(unrelated, worker(), api()))));
    }

    @Test
    void writesSortedFingerprintsWithRuleAndAddress() {
        String text = Baseline.write(run(model(api())));
        assertTrue(text.startsWith("{\n  \"roleplan_baseline\" : 1,\n  \"findings\" : [ {\n    \"fingerprint\" : \""), text);
        assertTrue(text.contains("\"rule\" : \"RP301\",\n    \"address\" : \"aws_ecs_task_definition.api\""), text);
    }

    @Test
    void onlyNewFindingsStayActive() {
        Baseline baseline = Baseline.parse(Baseline.write(run(model(api()))), "baseline.json");
        List<Finding> now = baseline.apply(run(model(api(), worker())));
        assertEquals(List.of("aws_ecs_task_definition.worker"),
                now.stream().filter(f -> !f.isSuppressed()).map(Finding::taskDefinition).distinct().toList());
        Finding old = now.stream().filter(Finding::isSuppressed).findFirst().orElseThrow();
        assertEquals(new Suppression("accepted in the baseline baseline.json", null, Suppression.Source.BASELINE, "baseline.json"),
                old.suppression());
    }

    @Test
    void rewritingWhileUsingABaselineKeepsTheBaselinedFindings() {
        String first = Baseline.write(run(model(api())));
        Baseline baseline = Baseline.parse(first, "baseline.json");
        assertEquals(first, Baseline.write(baseline.apply(run(model(api())))));
        List<Finding> configSuppressed = run(model(api())).stream()
                .map(f -> f.withSuppression(new Suppression("r", null, Suppression.Source.CONFIG, "c"))).toList();
        assertEquals("{\n  \"roleplan_baseline\" : 1,\n  \"findings\" : [ ]\n}\n", Baseline.write(configSuppressed));
    }

    @Test
    void badBaselinesAreClearErrors() {
        assertEquals("b.json: not a roleplan baseline (expected {\"roleplan_baseline\": 1, \"findings\": [...]})",
                assertThrows(ConfigException.class, () -> Baseline.parse("{\"findings\": []}", "b.json")).getMessage());
        assertEquals("b.json: findings[0].fingerprint: required",
                assertThrows(ConfigException.class, () -> Baseline.parse("{\"roleplan_baseline\": 1, \"findings\": [{}]}", "b.json")).getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> Baseline.parse("{", "b.json")).getMessage()
                .startsWith("b.json line 1: not a roleplan baseline (invalid JSON"));
    }
}
