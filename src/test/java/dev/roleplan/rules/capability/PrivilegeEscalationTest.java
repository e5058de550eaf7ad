package dev.roleplan.rules.capability;

import dev.roleplan.engine.Engine;
import dev.roleplan.iam.ManagedPolicies;
import dev.roleplan.model.Model;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.roleplan.testing.Fixtures.findings;
import static dev.roleplan.testing.Fixtures.model;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrivilegeEscalationTest {

    private final PrivilegeEscalation rule = new PrivilegeEscalation();

    /** Issue 3's done-when: iam:PassRole on * with ecs:RegisterTaskDefinition and ecs:RunTask, across two policies. */
    @Test
    void passRoleWithRegisterTaskDefinitionAndRunTask() {
        var task = role("aws_iam_role.task")
                .inline("aws_iam_role_policy.deploy", """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ecs:RegisterTaskDefinition","ecs:RunTask"],"Resource":"*"}]}""")
                .attached("aws_iam_policy.pass", """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}]}""");
        Model m = model(taskDefinition("aws_ecs_task_definition.a").task(task));
        assertEquals(List.of("RP401 critical aws_ecs_task_definition.a | task aws_iam_role.task | - | -"), findings(m, rule));
        assertEquals("The task role can escalate its privileges by 1 known method (actions allowed on \"*\" without conditions): "
                + "ecs:RegisterTaskDefinition + ecs:RunTask + iam:PassRole.", new Engine(List.of(rule)).run(m).get(0).message());
    }

    @Test
    void singleActionsAndAdministratorAccessFromTheManagedDocument() {
        var exec = role("aws_iam_role.exec").inline("aws_iam_role_policy.p", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreatePolicyVersion","Resource":"*"}]}""");
        var task = role("aws_iam_role.task").managed("arn:aws:iam::aws:policy/AdministratorAccess",
                ManagedPolicies.get().document("arn:aws:iam::aws:policy/AdministratorAccess").orElseThrow().toString());
        Model m = model(taskDefinition("aws_ecs_task_definition.a").execution(exec).task(task));
        assertEquals(List.of(
                "RP401 critical aws_ecs_task_definition.a | execution aws_iam_role.exec | - | -",
                "RP401 critical aws_ecs_task_definition.a | task aws_iam_role.task | - | -"), findings(m, rule));
        var found = new Engine(List.of(rule)).run(m);
        assertEquals("The execution role can escalate its privileges by 1 known method (actions allowed on \"*\" without "
                + "conditions): iam:CreatePolicyVersion.", found.get(0).message());
        assertTrue(found.get(1).message().matches("The task role can escalate its privileges by \\d\\d known methods .* and \\d\\d more\\."),
                found.get(1).message());
    }

    @Test
    void silentWhenBoundedConditionalDeniedOrOutsideTheBoundary() {
        var bounded = role("aws_iam_role.a").inline("aws_iam_role_policy.p", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ecs:RegisterTaskDefinition","ecs:RunTask"],"Resource":"*"},
                  {"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::123456789012:role/app-task"}]}""");
        var conditional = role("aws_iam_role.b").inline("aws_iam_role_policy.p", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ecs:RegisterTaskDefinition","ecs:RunTask","iam:PassRole"],"Resource":"*",
                  "Condition":{"StringEquals":{"iam:PassedToService":"ecs-tasks.amazonaws.com"}}}]}""");
        var denied = role("aws_iam_role.c").inline("aws_iam_role_policy.p", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:*","Resource":"*"},
                  {"Effect":"Deny","Action":["iam:Create*","iam:Put*","iam:Attach*","iam:Update*","iam:Set*","iam:Add*","iam:PassRole"],"Resource":"*"}]}""");
        var boundary = role("aws_iam_role.d").inline("aws_iam_role_policy.p", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""")
                .boundary("aws_iam_policy.boundary", """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","sqs:*"],"Resource":"*"}]}""");
        assertEquals(List.of(), findings(model(taskDefinition("aws_ecs_task_definition.a").task(bounded),
                taskDefinition("aws_ecs_task_definition.b").task(conditional), taskDefinition("aws_ecs_task_definition.c").task(denied),
                taskDefinition("aws_ecs_task_definition.d").task(boundary)), rule));
    }
}
