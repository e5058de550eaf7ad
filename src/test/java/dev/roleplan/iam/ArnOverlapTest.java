package dev.roleplan.iam;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Includes parliament's is_arn_match cases (test_resource_formatting), as pattern-against-format facts. */
class ArnOverlapTest {

    private static final ArnFormat OBJECT = new ArnFormat("arn:${Partition}:s3:::${BucketName}/${ObjectName}");
    private static final ArnFormat BUCKET = new ArnFormat("arn:${Partition}:s3:::${BucketName}");
    private static final ArnFormat LOG_GROUP = new ArnFormat("arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}");

    @Test
    void objectsAndBucketsAreToldApart() {
        assertTrue(ArnOverlap.overlaps("arn:*:s3:::*/*", OBJECT));
        assertTrue(ArnOverlap.overlaps("*", OBJECT));
        assertTrue(ArnOverlap.overlaps("arn:aws:s3:::*personalize*", OBJECT));
        assertTrue(ArnOverlap.overlaps("arn:*:s3:::mybucket", BUCKET));
        assertFalse(ArnOverlap.overlaps("arn:*:s3:::mybucket/*", BUCKET), "bucket and object types should not match");
        assertFalse(ArnOverlap.overlaps("arn:aws:s3:::examplebucket", OBJECT), "object and bucket types should not match");
        assertTrue(ArnOverlap.overlaps("arn:*:s3:::mybucket*", BUCKET));
        assertTrue(ArnOverlap.overlaps("arn:*:s3:::*", BUCKET));
        assertFalse(ArnOverlap.overlaps("arn:aws:logs:*:*:/aws/cloudfront/*", OBJECT));
    }

    @Test
    void fieldsWildcardsVariablesAndShortPatterns() {
        assertTrue(ArnOverlap.overlaps("arn:aws:logs:*:*:log-group:/ecs/app:*", LOG_GROUP));
        assertTrue(ArnOverlap.overlaps("arn:aws:logs:us-east-?:123456789012:log-group:*", LOG_GROUP));
        assertFalse(ArnOverlap.overlaps("arn:aws:logs:us-east-1:123456789012:log-stream:x", LOG_GROUP));
        assertTrue(ArnOverlap.overlaps("arn:aws:s3:::${aws:username}", BUCKET));
        assertTrue(ArnOverlap.overlaps("arn:aws:s3", OBJECT), "missing fields are wildcards");
        assertFalse(ArnOverlap.overlaps("arn:aws:s3:::", BUCKET), "a bucket name has at least one character");
        assertFalse(ArnOverlap.overlaps("not-an-arn", BUCKET));
    }
}
