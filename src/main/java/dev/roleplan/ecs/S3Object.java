package dev.roleplan.ecs;

/**
 * An environment file's S3 object: its ARN and its bucket's ARN. Either may be a Terraform reference when the
 * input computes it on apply.
 */
record S3Object(String objectArn, String bucketArn, String unknownReason, String bucketUnknownReason) {

    static S3Object parse(String value, String partition) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        String ref = Requirements.leadingReference(value);
        if (ref != null) {
            return fromReference(value, ref, partition);
        }
        Arns.Parsed arn = Arns.parse(value);
        if (arn == null || !arn.service().equals("s3")) {
            return null;
        }
        int slash = arn.resource().indexOf('/');
        if (slash <= 0 || slash == arn.resource().length() - 1) {
            return null; // a bucket, not an object
        }
        String bucket = "arn:" + arn.partition() + ":s3:::" + arn.resource().substring(0, slash);
        String reason = value.contains("${") ? "part of the object ARN is known only after apply" : null;
        String bucketReason = bucket.contains("${") ? "the bucket name is known only after apply" : null;
        return new S3Object(value, bucket, reason, bucketReason);
    }

    private static S3Object fromReference(String value, String ref, String partition) {
        String type = Arns.referenceType(ref);
        String target = Arns.referenceTarget(ref);
        String rest = value.substring(value.indexOf('}') + 1);
        if (rest.isEmpty() && (type.endsWith("aws_s3_object") || type.endsWith("aws_s3_bucket_object"))) {
            return new S3Object(value, "arn:" + partition + ":s3:::${" + target + ".bucket}",
                    "the object ARN is known only after apply", "the bucket name is known only after apply");
        }
        if (rest.startsWith("/") && rest.length() > 1 && type.endsWith("aws_s3_bucket") && ref.endsWith(".arn")) {
            return new S3Object(value, "${" + ref + "}", "the bucket ARN is known only after apply",
                    "the bucket ARN is known only after apply");
        }
        return new S3Object(value, "${unknown:bucket}", "the object ARN is known only after apply",
                "the bucket of " + value + " is not known from the input");
    }
}
