package dev.roleplan.rules.capability;

import dev.roleplan.engine.Engine;
import dev.roleplan.engine.Finding;
import dev.roleplan.model.Model;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.roleplan.testing.Fixtures.findings;
import static dev.roleplan.testing.Fixtures.model;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CredentialsExposureTest {

    private final CredentialsExposure rule = new CredentialsExposure();

    private static final String POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ecr:GetAuthorizationToken","secretsmanager:GetSecretValue","ssm:GetParameter*"],"Resource":"*"},
              {"Effect":"Allow","Action":"kms:Decrypt","Resource":"arn:aws:kms:us-east-1:123456789012:key/k"}]}""";

    @Test
    void ecrTokenCountsOnlyOnTheTaskRole() {
        Model m = model(taskDefinition("aws_ecs_task_definition.a")
                .execution(role("aws_iam_role.exec").inline("aws_iam_role_policy.e", POLICY))
                .task(role("aws_iam_role.task").inline("aws_iam_role_policy.t", POLICY)));
        assertEquals(List.of(
                "RP402 high aws_ecs_task_definition.a | execution aws_iam_role.exec | - | -",
                "RP402 high aws_ecs_task_definition.a | task aws_iam_role.task | - | -"), findings(m, rule));
        assertEquals(List.of(
                "The execution role can read credentials or secrets on every resource (\"*\", no conditions): secretsmanager:GetSecretValue, "
                        + "ssm:GetParameter, ssm:GetParameters, ssm:GetParametersByPath.",
                "The task role can read credentials or secrets on every resource (\"*\", no conditions): ecr:GetAuthorizationToken, "
                        + "secretsmanager:GetSecretValue, ssm:GetParameter, ssm:GetParameters, ssm:GetParametersByPath."),
                new Engine(List.of(rule)).run(m).stream().map(Finding::message).toList());
    }

    @Test
    void silentForBoundedSecretsAndTheExecutionRolesImagePull() {
        Model m = model(taskDefinition("aws_ecs_task_definition.a")
                .execution(role("aws_iam_role.exec").inline("aws_iam_role_policy.e", """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecr:GetAuthorizationToken","Resource":"*"},
                          {"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"arn:aws:secretsmanager:us-east-1:123456789012:secret:db-*"}]}"""))
                .task(role("aws_iam_role.task").inline("aws_iam_role_policy.t", """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*","Condition":{"StringEquals":{"aws:ResourceAccount":"123456789012"}}}]}""")));
        assertEquals(List.of(), findings(m, rule));
    }
}
