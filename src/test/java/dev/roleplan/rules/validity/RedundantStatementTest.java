package dev.roleplan.rules.validity;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.roleplan.rules.validity.ConditionTestSupport.messages;
import static dev.roleplan.testing.Fixtures.findings;
import static dev.roleplan.testing.Fixtures.model;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RedundantStatementTest {

    private final RedundantStatement rule = new RedundantStatement();

    @Test
    void statementCoveredByABroaderOne() {
        assertEquals(List.of("Statement Narrow of aws_iam_role_policy.p grants nothing that statement Broad of aws_iam_role_policy.p does not already grant."),
                messages(rule, """
                        {"Version":"2012-10-17","Statement":[
                          {"Sid":"Broad","Effect":"Allow","Action":"s3:Get*","Resource":"arn:aws:s3:::assets/*"},
                          {"Sid":"Narrow","Effect":"Allow","Action":["s3:GetObject","s3:GetObjectTagging"],"Resource":"arn:aws:s3:::assets/img/*",
                           "Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}"""));
    }

    @Test
    void ofTwoEqualStatementsOnlyTheLaterIsRedundant() {
        assertEquals(List.of("Statement 1 of aws_iam_role_policy.p grants nothing that statement 0 of aws_iam_role_policy.p does not already grant."),
                messages(rule, """
                        {"Version":"2012-10-17","Statement":[
                          {"Effect":"Allow","Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:123456789012:q"},
                          {"Effect":"Allow","Action":"SQS:sendmessage","Resource":"arn:aws:sqs:us-east-1:123456789012:q"}]}"""));
    }

    @Test
    void coveredTogetherByStatementsOfOtherPoliciesIncludingAwsManaged() {
        var task = role("aws_iam_role.task")
                .inline("aws_iam_role_policy.p", """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","sqs:SendMessage"],
                          "Resource":["arn:aws:s3:::b/k","arn:aws:sqs:us-east-1:123456789012:q"]}]}""")
                .managed("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","s3:List*"],"Resource":"*"}]}""")
                .attached("aws_iam_policy.sqs", """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:*","Resource":"*"}]}""");
        assertEquals(List.of("RP504 info aws_ecs_task_definition.a | task aws_iam_role.task | aws_iam_role_policy.p | 0"),
                findings(model(taskDefinition("aws_ecs_task_definition.a").task(task)), rule));
    }

    @Test
    void silentWhenEachStatementAddsSomething() {
        assertEquals(List.of(), messages(rule, """
                {"Version":"2012-10-17","Statement":[
                  {"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::a/*"},
                  {"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"},
                  {"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::c/*"},
                  {"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}},
                  {"Effect":"Allow","NotAction":"iam:*","Resource":"arn:aws:s3:::z/*"},
                  {"Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::a/*"}]}"""));
    }
}
