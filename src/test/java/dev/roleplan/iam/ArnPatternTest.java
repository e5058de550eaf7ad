package dev.roleplan.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ArnPatternTest {
    private static Tri m(String pattern, String arn) {
        return ArnPattern.of(pattern).matches(arn);
    }

    @Test
    void starMatchesEverythingIncludingNoResource() {
        assertEquals(Tri.YES, m("*", "arn:aws:s3:::b"));
        assertEquals(Tri.YES, m("*", "*"));
        assertEquals(Tri.NO, m("arn:aws:s3:::*", "*"));
    }

    @Test
    void resourceFieldWildcardsCrossColonsAndSlashes() {
        assertEquals(Tri.YES, m("arn:aws:s3:::b/*", "arn:aws:s3:::b/k/deeper"));
        assertEquals(Tri.NO, m("arn:aws:s3:::b/*", "arn:aws:s3:::b"));
        assertEquals(Tri.YES, m("arn:aws:s3:::b*", "arn:aws:s3:::b/k"));
        assertEquals(Tri.YES, m("arn:aws:logs:*:*:log-group:/ecs/*", "arn:aws:logs:eu-west-1:1:log-group:/ecs/app:log-stream:x"));
        assertEquals(Tri.YES, m("arn:aws:s3:::b/?", "arn:aws:s3:::b/k"));
        assertEquals(Tri.NO, m("arn:aws:s3:::b/?", "arn:aws:s3:::b/kk"));
    }

    @Test
    void otherFieldsMatchWithinTheirField() {
        assertEquals(Tri.YES, m("arn:aws:ecr:*:123456789012:repository/app", "arn:aws:ecr:eu-west-1:123456789012:repository/app"));
        assertEquals(Tri.NO, m("arn:aws:ecr:*:123456789012:repository/app", "arn:aws:ecr:eu-west-1:999999999999:repository/app"));
        assertEquals(Tri.NO, m("arn:aws:ecr:eu-*:*:repository/app", "arn:aws:ecr:us-east-1:1:repository/app"));
        assertEquals(Tri.NO, m("arn:aws:sqs:*:*:q", "arn:aws:sns:eu-west-1:1:q"));
        assertEquals(Tri.YES, m("arn:*:sqs:*:*:q", "arn:aws-cn:sqs:cn-north-1:1:q"));
    }

    @Test
    void caseSensitive() {
        assertEquals(Tri.NO, m("arn:aws:s3:::Bucket/*", "arn:aws:s3:::bucket/k"));
        assertEquals(Tri.NO, m("arn:aws:S3:::bucket/*", "arn:aws:s3:::bucket/k"));
    }

    @Test
    void shortPatternsArePaddedWithWildcards() {
        assertEquals(Tri.YES, m("arn:aws:s3", "arn:aws:s3:::b/k"));
        assertEquals(Tri.NO, m("arn:aws:s3", "arn:aws:sqs:r:1:q"));
    }

    @Test
    void variablesAreUnknownUnlessTheyCannotMatch() {
        assertEquals(Tri.UNKNOWN, m("arn:aws:s3:::home/${aws:username}/*", "arn:aws:s3:::home/alice/k"));
        assertEquals(Tri.NO, m("arn:aws:s3:::home/${aws:username}/*", "arn:aws:s3:::other/alice/k"));
        assertEquals(Tri.UNKNOWN, m("${aws_s3_bucket.assets.arn}/*", "arn:aws:s3:::assets/k"));
        assertEquals(Tri.YES, m("arn:aws:s3:::b/${*}", "arn:aws:s3:::b/*"));
        assertEquals(Tri.NO, m("arn:aws:s3:::b/${*}", "arn:aws:s3:::b/k"));
        assertEquals(Tri.NO, m("arn:aws:s3:::${x}", "arn:aws:sqs:r:1:q"));
    }

    @Test
    void nonArnPatternsCompareWhole() {
        assertEquals(Tri.NO, m("bucket/*", "arn:aws:s3:::bucket/k"));
        assertEquals(Tri.NO, m("arn:aws:s3:::b/*", "not-an-arn"));
    }
}
