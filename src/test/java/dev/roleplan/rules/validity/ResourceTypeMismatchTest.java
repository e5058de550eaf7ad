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

/** Includes parliament's test_resource_formatting / test_formatting resource cases, with our expectations. */
class ResourceTypeMismatchTest {

    private final ResourceTypeMismatch rule = new ResourceTypeMismatch();

    @Test
    void getObjectOnABucketArn() {
        assertEquals(List.of("Statement 0 of aws_iam_role_policy.p: arn:aws:s3:::examplebucket is of no resource type that "
                        + "s3:GetObject accepts (accesspointobject arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}, "
                        + "object arn:${Partition}:s3:::${BucketName}/${ObjectName}); it matches no request."),
                messages(rule, policy("s3:GetObject", "arn:aws:s3:::examplebucket", null)));
    }

    @Test
    void wildcardOnlyActionOnARepositoryAndAnotherServicesArn() {
        assertEquals(List.of("Statement 0 of aws_iam_role_policy.p: arn:aws:ecr:us-east-1:123456789012:repository/app is of no "
                        + "resource type that ecr:GetAuthorizationToken accepts (\"*\" only for ecr:GetAuthorizationToken); it matches no request."),
                messages(rule, policy("ecr:GetAuthorizationToken", "arn:aws:ecr:us-east-1:123456789012:repository/app", null)));
        assertEquals(1, messages(rule, policy("s3:GetObject", "arn:aws:logs:*:*:/aws/cloudfront/*", null)).size());
        assertEquals(1, messages(rule, policy("s3:ListBucket", "arn:aws:s3:::mybucket/*", null)).size());
    }

    @Test
    void silentWhenSomeActionAcceptsEachResource() {
        for (String[] c : List.of(
                new String[] {"s3:getobject", "arn:aws:s3:::my_corporate_bucket/*"},
                new String[] {"s3:GetObject", "arn:aws:s3:::*personalize*"},
                new String[] {"s3:ListBucket", "arn:aws:s3:::mybucket*"},
                new String[] {"s3:ListBucket", "arn:*:s3:::mybucket"},
                new String[] {"redshift:GetClusterCredentials", "arn:aws:redshift:us-west-2:123456789012:dbuser:the_cluster/the_user"},
                new String[] {"lambda:AddLayerVersionPermission", "arn:aws:lambda:*:123456789012:layer:sol-*:*"},
                new String[] {"logs:PutLogEvents", "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/app:*"},
                new String[] {"s3:GetObject", "${aws_s3_bucket.b.arn}"},
                new String[] {"s3:GetObject", "arn:aws:s3:::${aws:username}"},
                new String[] {"s3:*", "arn:aws:s3:::b"},
                new String[] {"*", "arn:aws:s3:::b"},
                new String[] {"s3:GetObjects", "arn:aws:s3:::b"})) {
            assertEquals(List.of(), messages(rule, policy(c[0], c[1], null)), c[0] + " on " + c[1]);
        }
        assertEquals(List.of(), messages(rule, """
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["s3:ListBucket","s3:GetObject"],
                 "Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"]}}"""));
    }

    @Test
    void checksDenyStatementsToo() {
        var task = role("aws_iam_role.task").inline("aws_iam_role_policy.p", """
                {"Version":"2012-10-17","Statement":[{"Sid":"NoDelete","Effect":"Deny","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::b"}]}""");
        assertEquals(List.of("RP502 medium aws_ecs_task_definition.a | task aws_iam_role.task | aws_iam_role_policy.p | NoDelete"),
                findings(model(taskDefinition("aws_ecs_task_definition.a").task(task)), rule));
    }
}
