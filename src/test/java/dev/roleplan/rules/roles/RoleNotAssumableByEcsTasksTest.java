package dev.roleplan.rules.roles;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.roleplan.testing.Fixtures.findings;
import static dev.roleplan.testing.Fixtures.model;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RoleNotAssumableByEcsTasksTest {

    private final RoleNotAssumableByEcsTasks rule = new RoleNotAssumableByEcsTasks();

    private List<String> check(String trust) {
        return findings(model(taskDefinition("aws_ecs_task_definition.app").task(role("aws_iam_role.task").trust(trust))), rule);
    }

    @Test
    void firesWhenTrustNamesAnotherService() {
        assertEquals(List.of("RP105 high aws_ecs_task_definition.app | task aws_iam_role.task | assume_role_policy | -"),
                check("""
                        {"Statement":[{"Effect":"Allow","Principal":{"Service":"ecs.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""));
    }

    @Test
    void firesWhenOnlyWebIdentityIsAllowed() {
        assertEquals(1, check("""
                {"Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRoleWithWebIdentity"}]}""").size());
    }

    @Test
    void firesWhenAnUnconditionalDenyRemovesIt() {
        assertEquals(1, check("""
                {"Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"},
                              {"Effect":"Deny","Principal":"*","Action":"sts:*"}]}""").size());
    }

    @Test
    void silentForTheUsualTrustInItsShapes() {
        assertEquals(List.of(), check("""
                {"Statement":{"Effect":"Allow","Principal":{"Service":["ec2.amazonaws.com","ecs-tasks.amazonaws.com"]},"Action":["sts:AssumeRole","sts:TagSession"]}}"""));
        assertEquals(List.of(), check("""
                {"Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:*",
                  "Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"}}}]}"""));
    }

    @Test
    void silentWhenTheTrustPolicyIsUnknown() {
        assertEquals(List.of(), findings(model(taskDefinition("aws_ecs_task_definition.app")
                .task(role("aws_iam_role.task").unknownTrust("computed"))), rule));
    }
}
