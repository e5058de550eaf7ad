package dev.roleplan.rules.validity;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.roleplan.rules.validity.ConditionTestSupport.messages;
import static dev.roleplan.rules.validity.ConditionTestSupport.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cases from parliament's test_formatting (UNKNOWN_OPERATOR, MISMATCHED_TYPE), with our expectations. */
class ConditionOperatorMismatchTest {

    private final ConditionOperatorMismatch rule = new ConditionOperatorMismatch();
    private static final String S3 = "arn:aws:s3:::bucket-name";

    @Test
    void unknownOperator() {
        assertEquals(List.of("Statement 0 of aws_iam_role_policy.p: \"bad\" is not a condition operator."),
                messages(rule, policy("s3:listbucket", S3, "{\"bad\":{\"s3:prefix\":[\"home/\"]}}")));
        assertEquals(List.of("Statement 0 of aws_iam_role_policy.p: \"NullIfExists\" is not a condition operator (Null takes no IfExists)."),
                messages(rule, policy("s3:listbucket", S3, "{\"NullIfExists\":{\"s3:prefix\":\"true\"}}")));
        assertEquals(Optional.empty(), ConditionOperatorMismatch.family("ForEveryValue:StringEquals"));
    }

    @Test
    void operatorTypeAgainstKeyType() {
        assertEquals(List.of("Statement 0 of aws_iam_role_policy.p: NumericEquals compares numbers, but \"s3:prefix\" is of type "
                        + "String; use a String operator.", "Statement 0 of aws_iam_role_policy.p: NumericEquals on \"s3:prefix\" needs numbers, not \"home/\"."),
                messages(rule, policy("s3:listbucket", S3, "{\"NumericEquals\":{\"s3:prefix\":[\"home/\"]}}")));
        assertEquals(List.of("Statement 0 of aws_iam_role_policy.p: StringEquals compares strings, but \"s3:signatureage\" is of type "
                        + "Numeric; use a Numeric operator."),
                messages(rule, policy("s3:listbucket", S3, "{\"StringEquals\":{\"s3:signatureage\":\"bad\"}}")));
    }

    @Test
    void valueTypes() {
        assertEquals(List.of("Statement 0 of aws_iam_role_policy.p: DateGreaterThan on \"aws:CurrentTime\" needs dates (ISO 8601 or epoch seconds), not \"bad\"."),
                messages(rule, policy("s3:listbucket", S3, "{\"DateGreaterThan\":{\"aws:CurrentTime\":\"bad\"}}")));
        assertEquals(List.of("Statement 0 of aws_iam_role_policy.p: Bool on \"aws:SecureTransport\" needs true or false, not \"yes\"."),
                messages(rule, policy("s3:listbucket", S3, "{\"Bool\":{\"aws:SecureTransport\":\"yes\"}}")));
        assertEquals(List.of("Statement 0 of aws_iam_role_policy.p: IpAddress on \"aws:SourceIp\" needs IP addresses or CIDR ranges, not \"10.0.0.0/33\"."),
                messages(rule, policy("s3:listbucket", S3, "{\"IpAddress\":{\"aws:SourceIp\":[\"10.0.0.0/8\",\"10.0.0.0/33\",\"2001:db8::/32\"]}}")));
    }

    @Test
    void silentForFittingOperatorsPrefixesSuffixesAndVariables() {
        for (String condition : List.of(
                "{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2019-07-16T12:00:00Z\"}}",
                "{\"StringEqualsIfExists\":{\"s3:prefix\":[\"home/${aws:username}/*\"]}}",
                "{\"NumericGreaterThan\":{\"aws:MultiFactorAuthAge\":\"28800\"}}",
                "{\"Null\":{\"aws:MultiFactorAuthAge\":true}}",
                "{\"ForAnyValue:StringLike\":{\"aws:TagKeys\":[\"team*\"]}}",
                "{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"team\"]}}",
                "{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:ecs:*:123456789012:*\"}}",
                "{\"StringEquals\":{\"aws:SourceArn\":\"arn:aws:ecs:us-east-1:123456789012:task/x\"}}",
                "{\"DateLessThan\":{\"aws:EpochTime\":\"1700000000\"}}",
                "{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"false\"}}")) {
            assertEquals(List.of(), messages(rule, policy("s3:listbucket", S3, condition)), condition);
        }
        assertTrue(ConditionOperatorMismatch.valueFits(ConditionOperatorMismatch.Family.DATE, "2019-07-16"));
    }
}
