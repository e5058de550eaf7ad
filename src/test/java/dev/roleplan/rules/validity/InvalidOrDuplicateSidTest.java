package dev.roleplan.rules.validity;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.roleplan.testing.Fixtures.findings;
import static dev.roleplan.testing.Fixtures.model;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;

class InvalidOrDuplicateSidTest {

    private final InvalidOrDuplicateSid rule = new InvalidOrDuplicateSid();

    @Test
    void firesForInvalidCharactersAndForTheSecondUseOfASid() {
        // parliament test_formatting: "Statement With Spaces And Special Chars!?" is an invalid Sid
        var task = role("aws_iam_role.task").inline("aws_iam_role_policy.p", """
                {"Version":"2012-10-17","Statement":[
                  {"Sid":"Statement With Spaces And Special Chars!?","Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"},
                  {"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"},
                  {"Sid":"Read","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::b"}]}""");
        assertEquals(List.of(
                "RP507 low aws_ecs_task_definition.a | task aws_iam_role.task | aws_iam_role_policy.p | Read",
                "RP507 low aws_ecs_task_definition.a | task aws_iam_role.task | aws_iam_role_policy.p | Statement With Spaces And Special Chars!?"),
                findings(model(taskDefinition("aws_ecs_task_definition.a").task(task)), rule));
    }

    @Test
    void silentForAlphanumericUniqueEmptyOrMissingSidsAndSidsRepeatedAcrossPolicies() {
        // parliament test_condition_with_null: an empty Sid is accepted
        var task = role("aws_iam_role.task")
                .inline("aws_iam_role_policy.p", """
                        {"Version":"2012-10-17","Statement":[{"Sid":"","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"},
                          {"Sid":"Read1","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::c/*"},
                          {"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::d/*"}]}""")
                .inline("aws_iam_role_policy.q", """
                        {"Version":"2012-10-17","Statement":[{"Sid":"Read1","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::e/*"}]}""");
        assertEquals(List.of(), findings(model(taskDefinition("aws_ecs_task_definition.a").task(task)), rule));
    }
}
