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

class DataExfiltrationTest {

    private final DataExfiltration rule = new DataExfiltration();

    @Test
    void unboundedReadsOfBucketsAndTables() {
        Model m = model(taskDefinition("aws_ecs_task_definition.a").task(role("aws_iam_role.task")
                .inline("aws_iam_role_policy.t", """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","dynamodb:Scan","dynamodb:GetItem"],"Resource":"*"}]}""")));
        assertEquals(List.of("RP403 medium aws_ecs_task_definition.a | task aws_iam_role.task | - | -"), findings(m, rule));
        assertEquals("The task role can read data on every resource (\"*\", no conditions): dynamodb:GetItem, dynamodb:Scan, s3:GetObject.",
                new Engine(List.of(rule)).run(m).get(0).message());
    }

    @Test
    void silentForBoundedReadsAndNotResourceCarveOuts() {
        Model m = model(taskDefinition("aws_ecs_task_definition.a").task(role("aws_iam_role.task")
                .inline("aws_iam_role_policy.t", """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::assets/*"},
                          {"Effect":"Allow","Action":"dynamodb:*","Resource":"arn:aws:dynamodb:us-east-1:123456789012:table/app"}]}""")));
        assertEquals(List.of(), findings(m, rule));
    }
}
