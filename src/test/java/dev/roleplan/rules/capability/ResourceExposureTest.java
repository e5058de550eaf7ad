package dev.roleplan.rules.capability;

import dev.roleplan.engine.Engine;
import dev.roleplan.model.Model;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.roleplan.testing.Fixtures.findings;
import static dev.roleplan.testing.Fixtures.model;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ResourceExposureTest {

    private final ResourceExposure rule = new ResourceExposure();

    @Test
    void permissionsManagementActionsOnStar() {
        Model m = model(taskDefinition("aws_ecs_task_definition.a").task(role("aws_iam_role.task")
                .inline("aws_iam_role_policy.t", """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:PutBucketPolicy","kms:PutKeyPolicy","s3:GetObject"],"Resource":"*"},
                          {"Effect":"Allow","Action":"secretsmanager:PutResourcePolicy","Resource":"*"}]}""")));
        assertEquals(List.of("RP404 high aws_ecs_task_definition.a | task aws_iam_role.task | - | -"), findings(m, rule));
        assertEquals("The task role can change resource permissions on every resource (\"*\", no conditions) with 3 "
                        + "permissions-management actions: kms:PutKeyPolicy, s3:PutBucketPolicy, secretsmanager:PutResourcePolicy.",
                new Engine(List.of(rule)).run(m).get(0).message());
    }

    @Test
    void silentForBoundedConditionalOrReadOnly() {
        Model m = model(taskDefinition("aws_ecs_task_definition.a").task(role("aws_iam_role.task")
                .inline("aws_iam_role_policy.t", """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutBucketPolicy","Resource":"arn:aws:s3:::mine"},
                          {"Effect":"Allow","Action":"kms:PutKeyPolicy","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/team":"a"}}},
                          {"Effect":"Allow","Action":["s3:Get*","s3:List*"],"Resource":"*"}]}""")));
        assertEquals(List.of(), findings(m, rule));
    }
}
