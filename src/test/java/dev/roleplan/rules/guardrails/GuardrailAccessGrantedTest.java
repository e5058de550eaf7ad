package dev.roleplan.rules.guardrails;

import dev.roleplan.engine.Engine;
import dev.roleplan.engine.Finding;
import dev.roleplan.engine.Severity;
import dev.roleplan.model.Model;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.roleplan.testing.Fixtures.findings;
import static dev.roleplan.testing.Fixtures.model;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;

class GuardrailAccessGrantedTest {

    private static final GuardrailAccessGranted.Guardrail NO_IAM_FOR_TASKS = new GuardrailAccessGranted.Guardrail(
            "no-iam-writes", "task", List.of("iam:*"), List.of("*"), Severity.CRITICAL, "Tasks never manage IAM.");
    private static final GuardrailAccessGranted.Guardrail NO_PROD_BUCKET_DELETE = new GuardrailAccessGranted.Guardrail(
            "keep-prod-data", "any", List.of("s3:DeleteObject", "s3:DeleteBucket"), List.of("arn:aws:s3:::prod-*"), Severity.HIGH, null);

    private static String policy(String statement) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}";
    }

    private static Model withTaskPolicy(String statement) {
        return model(taskDefinition("aws_ecs_task_definition.app")
                .execution(role("aws_iam_role.exec").inline("aws_iam_role_policy.exec", policy(statement)))
                .task(role("aws_iam_role.task").inline("aws_iam_role_policy.task", policy(statement))));
    }

    @Test
    void firesForTheConfiguredRoleKindWithTheGuardrailsSeverity() {
        var rule = new GuardrailAccessGranted(List.of(NO_IAM_FOR_TASKS));
        assertEquals(List.of("RP901 critical aws_ecs_task_definition.app | task aws_iam_role.task | aws_iam_role_policy.task | 0"),
                findings(withTaskPolicy("{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"*\"}"), rule));
    }

    @Test
    void anyRoleKindAndWildcardOverlapInBothDirections() {
        var rule = new GuardrailAccessGranted(List.of(NO_PROD_BUCKET_DELETE));
        // s3:* covers s3:DeleteObject; arn:aws:s3:::prod-data/* is within arn:aws:s3:::prod-*.
        assertEquals(List.of(
                        "RP901 high aws_ecs_task_definition.app | execution aws_iam_role.exec | aws_iam_role_policy.exec | 0",
                        "RP901 high aws_ecs_task_definition.app | task aws_iam_role.task | aws_iam_role_policy.task | 0"),
                findings(withTaskPolicy("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::prod-data/*\"}"), rule));
    }

    @Test
    void notActionGrantsWhatItDoesNotExclude() {
        var rule = new GuardrailAccessGranted(List.of(NO_IAM_FOR_TASKS));
        assertEquals(1, findings(withTaskPolicy("{\"Effect\":\"Allow\",\"NotAction\":\"s3:*\",\"Resource\":\"*\"}"), rule).size());
        assertEquals(List.of(), findings(withTaskPolicy("{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}"), rule));
    }

    @Test
    void theMessageNamesGuardrailAccessAndReason() {
        List<Finding> found = new Engine(List.of(new GuardrailAccessGranted(List.of(NO_IAM_FOR_TASKS))))
                .run(withTaskPolicy("{\"Effect\":\"Allow\",\"Action\":\"iam:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}}"));
        assertEquals("Guardrail \"no-iam-writes\" forbids iam:* on * for task roles, but statement 0 of aws_iam_role_policy.task "
                + "grants it to aws_iam_role.task, the task role of aws_ecs_task_definition.app (under conditions). "
                + "Why: Tasks never manage IAM.", found.get(0).message());
    }

    @Test
    void silentWhenNothingOverlapsOrForDenyOrWithoutGuardrails() {
        var rule = new GuardrailAccessGranted(List.of(NO_IAM_FOR_TASKS, NO_PROD_BUCKET_DELETE));
        assertEquals(List.of(), findings(withTaskPolicy("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}"), rule));
        assertEquals(List.of(), findings(withTaskPolicy("{\"Effect\":\"Allow\",\"Action\":\"s3:DeleteObject\",\"Resource\":\"arn:aws:s3:::dev-data/*\"}"), rule));
        assertEquals(List.of(), findings(withTaskPolicy("{\"Effect\":\"Deny\",\"Action\":\"iam:*\",\"Resource\":\"*\"}"), rule));
        assertEquals(List.of(), findings(withTaskPolicy("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}"),
                new GuardrailAccessGranted()));
    }

    @Test
    void silentWhenADenyOrTheBoundaryTakesTheAccessAway() {
        var rule = new GuardrailAccessGranted(List.of(NO_IAM_FOR_TASKS, NO_PROD_BUCKET_DELETE));
        assertEquals(List.of(), findings(withTaskPolicy("{\"Effect\":\"Allow\",\"Action\":[\"iam:*\",\"s3:*\"],\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":[\"iam:*\",\"s3:Delete*\"],\"Resource\":\"*\"}"), rule));
        var bounded = model(taskDefinition("aws_ecs_task_definition.app")
                .task(role("aws_iam_role.task").inline("aws_iam_role_policy.task", policy("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}"))
                        .boundary("arn:aws:iam::123456789012:policy/boundary", policy("{\"Effect\":\"Allow\",\"Action\":\"s3:Get*\",\"Resource\":\"*\"}"))));
        assertEquals(List.of(), findings(bounded, rule));
    }

    @Test
    void aDenyOnOtherResourcesLeavesTheForbiddenAccess() {
        var rule = new GuardrailAccessGranted(List.of(NO_PROD_BUCKET_DELETE));
        assertEquals(List.of("RP901 high aws_ecs_task_definition.app | task aws_iam_role.task | aws_iam_role_policy.task | 0"),
                findings(model(taskDefinition("aws_ecs_task_definition.app").task(role("aws_iam_role.task").inline("aws_iam_role_policy.task",
                        policy("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"},"
                                + "{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::dev-*\"}")))), rule));
    }
}
