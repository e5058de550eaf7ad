package dev.roleplan.rules.roles;

import dev.roleplan.engine.Engine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.roleplan.testing.Fixtures.findings;
import static dev.roleplan.testing.Fixtures.model;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExecutionRoleGrantsApplicationPermissionsTest {

    private final ExecutionRoleGrantsApplicationPermissions rule = new ExecutionRoleGrantsApplicationPermissions();

    private static final String PLATFORM = """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":["ecr:GetAuthorizationToken"],"Resource":"*"},
              {"Effect":"Allow","Action":["ecr:BatchGetImage","ecr:GetDownloadUrlForLayer","ecr:BatchCheckLayerAvailability"],"Resource":"arn:aws:ecr:eu-west-1:123456789012:repository/app"},
              {"Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":"arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/app:*"},
              {"Effect":"Allow","Action":["secretsmanager:GetSecretValue","ssm:GetParameters","kms:Decrypt"],"Resource":"*"},
              {"Effect":"Allow","Action":["s3:GetObject","s3:GetBucketLocation"],"Resource":"*"},
              {"Effect":"Allow","Action":["elasticfilesystem:ClientMount","elasticfilesystem:ClientWrite"],"Resource":"*"}]}""";

    @Test
    void silentForThePlatformActionsWhateverTheirResources() {
        var exec = role("aws_iam_role.exec").inline("aws_iam_role_policy.platform", PLATFORM);
        assertEquals(List.of(), findings(model(taskDefinition("aws_ecs_task_definition.app").execution(exec)), rule));
    }

    @Test
    void firesForAServiceWildcardThatExpandsToApplicationActions() {
        var exec = role("aws_iam_role.exec").inline("aws_iam_role_policy.platform", PLATFORM)
                .inline("aws_iam_role_policy.extra", """
                        {"Version":"2012-10-17","Statement":[{"Sid":"Bucket","Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::assets/*"}]}""");
        var model = model(taskDefinition("aws_ecs_task_definition.app").execution(exec));
        assertEquals(List.of("RP102 high aws_ecs_task_definition.app | execution aws_iam_role.exec | aws_iam_role_policy.extra | Bucket"),
                findings(model, rule));
        String message = new Engine(List.of(rule)).run(model).get(0).message();
        assertTrue(message.contains("s3:* (163 of its "), message);
        assertTrue(message.contains("(granted by aws_iam_role_policy.extra)"), message);
    }

    @Test
    void listsFewActionsByName() {
        var exec = role("aws_iam_role.exec").inline("aws_iam_role_policy.p", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sqs:SendMessage","dynamodb:GetItem","logs:PutLogEvents"],"Resource":"*"}]}""");
        String message = new Engine(List.of(rule)).run(model(taskDefinition("aws_ecs_task_definition.app").execution(exec))).get(0).message();
        assertEquals("The execution role aws_iam_role.exec of aws_ecs_task_definition.app allows 2 actions the ECS platform "
                + "does not need: dynamodb:GetItem, sqs:SendMessage (granted by aws_iam_role_policy.p). Move application "
                + "permissions to the task role.", message);
    }

    @Test
    void silentWhenADenyRemovesTheApplicationActionsAndForTaskRoles() {
        var exec = role("aws_iam_role.exec").inline("aws_iam_role_policy.p", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"*"},
                  {"Effect":"Deny","Action":"s3:PutObject","Resource":"*"}]}""");
        var task = role("aws_iam_role.task").inline("aws_iam_role_policy.app", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"dynamodb:*","Resource":"*"}]}""");
        assertEquals(List.of(), findings(model(taskDefinition("aws_ecs_task_definition.app").execution(exec).task(task)), rule));
    }

    @Test
    void countsAwsManagedPolicies() {
        var exec = role("aws_iam_role.exec").managed("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","s3:List*"],"Resource":"*"}]}""");
        assertEquals(List.of("RP102 high aws_ecs_task_definition.app | execution aws_iam_role.exec | arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess | 0"),
                findings(model(taskDefinition("aws_ecs_task_definition.app").execution(exec)), rule));
    }
}
