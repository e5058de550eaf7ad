package dev.roleplan.rules.privilege;

import dev.roleplan.engine.Engine;
import dev.roleplan.engine.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.roleplan.testing.Fixtures.findings;
import static dev.roleplan.testing.Fixtures.model;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AllowsResourceWildcardTest {

    private final AllowsResourceWildcard rule = new AllowsResourceWildcard();

    private static final String APP = """
            {"Version":"2012-10-17","Statement":[
              {"Sid":"App","Effect":"Allow","Action":["s3:GetObject","sqs:SendMessage","ecr:GetAuthorizationToken","logs:PutLogEvents"],"Resource":"*"},
              {"Sid":"Scoped","Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::b/*"},
              {"Sid":"TokenOnly","Effect":"Allow","Action":["ecr:GetAuthorizationToken","s3:ListAllMyBuckets"],"Resource":"*"},
              {"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}]}""";

    @Test
    void taskRoleReportsEveryResourceLevelActionOnStar() {
        var task = role("aws_iam_role.task").inline("aws_iam_role_policy.p", APP);
        var m = model(taskDefinition("aws_ecs_task_definition.a").task(task));
        List<Finding> found = new Engine(List.of(rule)).run(m);
        assertEquals(List.of("RP303 medium aws_ecs_task_definition.a | task aws_iam_role.task | aws_iam_role_policy.p | App"), findings(m, rule));
        assertEquals("Statement App of aws_iam_role_policy.p allows 3 actions on \"*\" that can be limited to specific resources: "
                + "logs:PutLogEvents, s3:GetObject, sqs:SendMessage.", found.get(0).message());
    }

    @Test
    void executionRoleLeavesPlatformActionsToRp201AndRp202() {
        var exec = role("aws_iam_role.exec").inline("aws_iam_role_policy.p", APP);
        var m = model(taskDefinition("aws_ecs_task_definition.a").execution(exec));
        assertEquals("Statement App of aws_iam_role_policy.p allows 1 action on \"*\" that can be limited to specific resources: "
                + "sqs:SendMessage.", new Engine(List.of(rule)).run(m).get(0).message());
        var platformOnly = role("aws_iam_role.exec2").inline("aws_iam_role_policy.q", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ecr:BatchGetImage","logs:*Log*","elasticfilesystem:ClientMount"],"Resource":"*"}]}""");
        var m2 = model(taskDefinition("aws_ecs_task_definition.b").execution(platformOnly));
        assertEquals(List.of("RP303 medium aws_ecs_task_definition.b | execution aws_iam_role.exec2 | aws_iam_role_policy.q | 0"), findings(m2, rule),
                "logs:*Log* also grants logs:DeleteLogGroup and more, which are not platform actions");
    }

    @Test
    void longListsAreSummarised() {
        var task = role("aws_iam_role.task").inline("aws_iam_role_policy.p", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:*","Resource":"*"}]}""");
        String message = new Engine(List.of(rule)).run(model(taskDefinition("aws_ecs_task_definition.a").task(task))).get(0).message();
        assertEquals(true, message.matches("Statement 0 of aws_iam_role_policy.p allows \\d+ actions on \"\\*\" that can be limited to specific "
                + "resources: sqs:AddPermission, sqs:CancelMessageMoveTask, sqs:ChangeMessageVisibility, [^,]+, [^,]+ and \\d+ more\\."), message);
    }

    @Test
    void silentForScopedResourcesWildcardOnlyActionsNotResourceAndManagedPolicies() {
        // parliament test_priv_that_requires_star_resource: guardduty:ListDetectors accepts only "*"
        var task = role("aws_iam_role.task")
                .inline("aws_iam_role_policy.p", """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["guardduty:ListDetectors","ecr:GetAuthorizationToken"],"Resource":"*"},
                          {"Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::b/*"]},
                          {"Effect":"Allow","Action":"s3:GetObject","NotResource":"arn:aws:s3:::secret/*"},
                          {"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}""")
                .managed("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*"],"Resource":"*"}]}""");
        assertEquals(List.of(), findings(model(taskDefinition("aws_ecs_task_definition.a").task(task)), rule));
    }
}
