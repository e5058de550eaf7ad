package dev.roleplan.rules.privilege;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.roleplan.testing.Fixtures.findings;
import static dev.roleplan.testing.Fixtures.model;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AllowsAllActionsTest {

    private final AllowsAllActions rule = new AllowsAllActions();

    @Test
    void firesForStarInAnyAuthoredPolicyOncePerTaskDefinition() {
        var task = role("aws_iam_role.task")
                .inline("aws_iam_role_policy.admin", """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},
                                                             {"Sid":"All","Effect":"Allow","Action":["*"],"Resource":"*"}]}""")
                .attached("aws_iam_policy.legacy", """
                        {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*:*","Resource":"arn:aws:s3:::b"}}""");
        assertEquals(List.of(
                "RP301 critical aws_ecs_task_definition.a | task aws_iam_role.task | aws_iam_policy.legacy | 0",
                "RP301 critical aws_ecs_task_definition.a | task aws_iam_role.task | aws_iam_role_policy.admin | All",
                "RP301 critical aws_ecs_task_definition.b | task aws_iam_role.task | aws_iam_policy.legacy | 0",
                "RP301 critical aws_ecs_task_definition.b | task aws_iam_role.task | aws_iam_role_policy.admin | All"),
                findings(model(taskDefinition("aws_ecs_task_definition.a").task(task),
                        taskDefinition("aws_ecs_task_definition.b").task(task)), rule));
    }

    @Test
    void silentForDenyStarNotActionAndManagedPolicies() {
        var task = role("aws_iam_role.task")
                .inline("aws_iam_role_policy.guard", """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}},
                                                             {"Effect":"Allow","NotAction":"*","Resource":"*"},
                                                             {"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""")
                .managed("arn:aws:iam::aws:policy/AdministratorAccess", """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""");
        assertEquals(List.of(), findings(model(taskDefinition("aws_ecs_task_definition.a").task(task)), rule));
    }
}
