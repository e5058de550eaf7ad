package dev.roleplan.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionOperatorTest {
    private static ConditionOperator op(String text) {
        return ConditionOperator.parse(text).orElseThrow(() -> new AssertionError("not parsed: " + text));
    }

    private static ConditionKeyType type(String key) {
        return ActionCatalog.get().conditionKeyType(key).orElseThrow();
    }

    @Test
    void parsesQualifiersAndIfExists() {
        ConditionOperator o = op("ForAnyValue:StringLikeIfExists");
        assertEquals(ConditionOperator.Base.STRING_LIKE, o.base());
        assertEquals("ForAnyValue", o.qualifier());
        assertTrue(o.ifExists());
        assertEquals("ForAllValues", op("forallvalues:StringEquals").qualifier());
        assertEquals(ConditionOperator.Base.NULL, op("Null").base());
        assertFalse(op("Bool").ifExists());
        assertTrue(ConditionOperator.parse("StringEqual").isEmpty());
        assertTrue(ConditionOperator.parse("stringequals").isEmpty());
        assertTrue(ConditionOperator.parse("NullIfExists").isEmpty());
        assertTrue(ConditionOperator.parse("ForSomeValues:StringEquals").isEmpty());
    }

    @Test
    void operatorsFitTheirKeyTypes() {
        assertTrue(op("StringEquals").fits(type("aws:PrincipalOrgID")));
        assertTrue(op("StringLike").fits(type("aws:PrincipalArn")));
        assertTrue(op("ArnLike").fits(type("aws:SourceArn")));
        assertFalse(op("ArnLike").fits(type("aws:PrincipalOrgID")));
        assertFalse(op("NumericEquals").fits(type("aws:PrincipalOrgID")));
        assertTrue(op("NumericLessThan").fits(type("s3:TlsVersion")));
        assertTrue(op("DateGreaterThan").fits(type("aws:CurrentTime")));
        assertFalse(op("DateGreaterThan").fits(type("aws:SecureTransport")));
        assertTrue(op("Bool").fits(type("aws:SecureTransport")));
        assertTrue(op("IpAddress").fits(type("aws:SourceIp")));
        assertFalse(op("StringEquals").fits(type("aws:SourceIp")));
        assertTrue(op("Null").fits(type("aws:SourceIp")));
    }

    @Test
    void judgesValues() {
        assertEquals(List.of("\"abc\" is not a number"), op("NumericLessThan").valueProblems(List.of("1.2", "abc")));
        assertEquals(List.of("\"yesterday\" is not a date (ISO 8601, e.g. 2026-01-31T00:00:00Z, or epoch seconds)"),
                op("DateGreaterThan").valueProblems(List.of("2026-01-31", "2026-01-31T10:00:00Z", "1700000000", "yesterday")));
        assertEquals(List.of("\"yes\" is not true or false"), op("Bool").valueProblems(List.of("true", "FALSE", "yes")));
        assertEquals(List.of("\"10.0.0.300/8\" is not an IP address or CIDR range"),
                op("IpAddress").valueProblems(List.of("10.0.0.0/8", "192.168.1.1", "2001:db8::/32", "10.0.0.300/8")));
        assertEquals(List.of("\"bucket\" is not an ARN"), op("ArnLike").valueProblems(List.of("arn:aws:s3:::b", "bucket")));
        assertEquals(List.of(), op("NumericEquals").valueProblems(List.of("${aws:MultiFactorAuthAge}")));
        assertEquals(List.of(), op("StringEquals").valueProblems(List.of("anything at all")));
        assertEquals(List.of("\"maybe\" is not true or false"), op("Null").valueProblems(List.of("maybe")));
    }
}
