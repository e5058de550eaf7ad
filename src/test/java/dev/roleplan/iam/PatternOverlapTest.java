package dev.roleplan.iam;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PatternOverlapTest {
    private final ActionCatalog catalog = ActionCatalog.get();

    private boolean accepts(String action, String pattern) {
        return catalog.action(action).orElseThrow().acceptsResourcePattern(pattern);
    }

    @Test
    void s3ObjectAndBucketPatterns() {
        assertTrue(accepts("s3:GetObject", "arn:aws:s3:::assets/*"));
        assertTrue(accepts("s3:GetObject", "arn:aws:s3:::assets/logo.png"));
        assertTrue(accepts("s3:GetObject", "arn:aws:s3:::*"));
        assertTrue(accepts("s3:GetObject", "*"));
        assertFalse(accepts("s3:GetObject", "arn:aws:s3:::assets"));
        assertTrue(accepts("s3:ListBucket", "arn:aws:s3:::assets"));
        assertFalse(accepts("s3:ListBucket", "arn:aws:s3:::assets/*"));
        assertTrue(accepts("s3:ListBucket", "arn:aws:s3:::assets*"));
    }

    @Test
    void otherServicesAndFields() {
        assertTrue(accepts("ecr:BatchGetImage", "arn:aws:ecr:*:123456789012:repository/team/*"));
        assertFalse(accepts("ecr:BatchGetImage", "arn:aws:s3:::assets/*"));
        assertFalse(accepts("ecr:BatchGetImage", "arn:aws:ecr:*:123456789012:repo/app"));
        assertTrue(accepts("logs:PutLogEvents", "arn:aws:logs:*:*:log-group:/ecs/app:*"));
        assertTrue(accepts("logs:PutLogEvents", "arn:aws:logs:*:*:*"));
        assertTrue(accepts("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:eu-west-1:1:secret:prod/db-??????"));
        assertFalse(accepts("secretsmanager:GetSecretValue", "arn:aws:ssm:eu-west-1:1:parameter/prod/db"));
        assertTrue(accepts("iam:PassRole", "arn:aws:iam::*:role/ecs-*"));
        assertFalse(accepts("iam:PassRole", "arn:aws:iam::*:user/ecs-*"));
        // a value unknown until apply could be anything
        assertTrue(accepts("s3:GetObject", "${aws_s3_bucket.assets.arn}/*"));
        assertTrue(accepts("s3:GetObject", "arn:aws:s3:::${var.bucket}/*"));
        // IAM ARNs have an empty region; a short pattern is padded with "*" fields
        assertFalse(accepts("iam:PassRole", "arn:aws:iam:us-east-1:1:role/x"));
        assertTrue(accepts("sqs:SendMessage", "arn:aws:sqs:eu-west-1:123"));
        assertFalse(accepts("sqs:SendMessage", "arn:aws:sns:eu-west-1:123"));
    }

    @Test
    void wildcardOnlyActionsOnlyTakeStar() {
        assertTrue(accepts("ecr:GetAuthorizationToken", "*"));
        assertFalse(accepts("ecr:GetAuthorizationToken", "arn:aws:ecr:*:*:repository/*"));
        assertTrue(accepts("ecr:GetAuthorizationToken", "${var.resource}"));
    }

    @Test
    void overlapAgreesWithConcreteMatchingOnEveryFormat() {
        // Any concrete ARN that a format matches must also overlap it when used as a pattern.
        for (ServiceInfo service : catalog.services().values()) {
            for (ResourceType type : service.resourceTypes().values()) {
                String sample = type.arnFormat().format()
                        .replace("${Partition}", "aws").replace("${Region}", "eu-west-1").replace("${Account}", "1")
                        .replaceAll("\\$\\{[^}]*}", "x").replace("*", "y");
                assertTrue(type.matches(sample), sample);
                assertTrue(type.arnFormat().overlaps(sample), sample);
            }
        }
    }
}
