package dev.roleplan.rules.roles;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.roleplan.testing.Fixtures.findings;
import static dev.roleplan.testing.Fixtures.model;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TaskRoleTrustWithoutSourceConditionsTest {

    private final TaskRoleTrustWithoutSourceConditions rule = new TaskRoleTrustWithoutSourceConditions();

    private List<String> check(String trust) {
        return findings(model(taskDefinition("aws_ecs_task_definition.app").task(role("aws_iam_role.task").trust(trust))
                .execution(role("aws_iam_role.exec"))), rule);
    }

    @Test
    void firesOnTheUsualUnboundTrustOfTheTaskRoleOnly() {
        assertEquals(List.of("RP106 low aws_ecs_task_definition.app | task aws_iam_role.task | assume_role_policy | 0"), check("""
                {"Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""));
    }

    @Test
    void firesWhenTheConditionIsOnAnotherKey() {
        assertEquals(List.of("RP106 low aws_ecs_task_definition.app | task aws_iam_role.task | assume_role_policy | Ecs"), check("""
                {"Statement":[{"Sid":"Ecs","Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole",
                  "Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc"}}}]}"""));
    }

    @Test
    void silentWithSourceAccountOrSourceArnInAnyOperatorAndCase() {
        assertEquals(List.of(), check("""
                {"Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole",
                  "Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"}}}]}"""));
        assertEquals(List.of(), check("""
                {"Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole",
                  "Condition":{"ArnLike":{"AWS:SourceArn":"arn:aws:ecs:eu-west-1:123456789012:*"}}}]}"""));
    }

    @Test
    void silentForTrustThatDoesNotNameEcsTasksAndForUnknownTrust() {
        assertEquals(List.of(), check("""
                {"Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""));
        assertEquals(List.of(), findings(model(taskDefinition("aws_ecs_task_definition.app")
                .task(role("aws_iam_role.task").unknownTrust("computed"))), rule));
    }
}
