package dev.roleplan.rules.validity;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.roleplan.rules.validity.ConditionTestSupport.messages;
import static dev.roleplan.rules.validity.ConditionTestSupport.policy;
import static dev.roleplan.testing.Fixtures.findings;
import static dev.roleplan.testing.Fixtures.model;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Cases from parliament's test_formatting (UNKNOWN_CONDITION_FOR_ACTION), with our expectations. */
class UnknownConditionKeyTest {

    private final UnknownConditionKey rule = new UnknownConditionKey();

    @Test
    void keyNoServiceDefines() {
        assertEquals(List.of("Statement 0 of aws_iam_role_policy.p: condition key \"bad\" is not a global key and no service defines it."),
                messages(rule, policy("s3:listbucket", "arn:aws:s3:::bucket-name", "{\"DateGreaterThan\":{\"bad\":\"2019-07-16T12:00:00Z\"}}")));
        assertEquals(List.of("Statement 0 of aws_iam_role_policy.p: condition key \"s3:x\" is not a global key and no service defines it."),
                messages(rule, policy("s3:listbucket", "arn:aws:s3:::bucket-name", "{\"StringEquals\":{\"s3:x\":[\"home/${aws:username}/*\"]}}")));
    }

    @Test
    void keyOfTheServiceThatTheActionDoesNotTake() {
        assertEquals(List.of("Statement 0 of aws_iam_role_policy.p: condition key \"s3:x-amz-storage-class\" is not defined for "
                        + "s3:ListBucket; the condition never sees a value for it."),
                messages(rule, policy("s3:listbucket", "arn:aws:s3:::bucket-name", "{\"StringEquals\":{\"s3:x-amz-storage-class\":\"bad\"}}")));
        assertEquals(1, messages(rule, """
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["ec2:*","s3:*"],"Resource":"*",
                 "Condition":{"StringNotEquals":{"iam:ResourceTag/status":"prod"}}}}""").size());
    }

    @Test
    void silentForGlobalKeysActionKeysTemplatesAndBroadStatements() {
        assertEquals(List.of(), messages(rule, policy("s3:listbucket", "arn:aws:s3:::bucket-name",
                "{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2019-07-16T12:00:00Z\"},\"StringEquals\":{\"s3:prefix\":[\"home/${aws:username}/*\"]}}")));
        assertEquals(List.of(), messages(rule, policy("s3:GetObject", "arn:aws:s3:::b/*",
                "{\"StringEquals\":{\"s3:ExistingObjectTag/team\":\"a\",\"aws:ResourceTag/env\":\"prod\",\"AWS:SourceVpce\":\"vpce-1\"}}")));
        assertEquals(List.of(), messages(rule, policy("kms:CreateGrant", "*", "{\"Bool\":{\"kms:GrantIsForAWSResource\":true}}")));
        assertEquals(List.of(), messages(rule, policy("iam:PassRole", "*", "{\"StringEquals\":{\"iam:PassedToService\":\"ecs-tasks.amazonaws.com\"}}")));
        assertEquals(List.of(), messages(rule, policy("*", "*", "{\"StringEquals\":{\"s3:prefix\":\"a\"}}")));
    }

    @Test
    void reportsAuthoredPoliciesOncePerTaskDefinition() {
        var task = role("aws_iam_role.task").inline("aws_iam_role_policy.p", policy("s3:GetObject", "arn:aws:s3:::b/*",
                "{\"StringEquals\":{\"aws:SourceAcount\":\"1\"}}"))
                .managed("arn:aws:iam::aws:policy/X", policy("s3:GetObject", "*", "{\"StringEquals\":{\"nope\":\"1\"}}"));
        assertEquals(List.of("RP505 low aws_ecs_task_definition.a | task aws_iam_role.task | aws_iam_role_policy.p | 0"),
                findings(model(taskDefinition("aws_ecs_task_definition.a").task(task)), rule));
    }
}
