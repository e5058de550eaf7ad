package dev.roleplan.iam;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WildcardTest {
    @Test
    void starAndQuestionMark() {
        assertTrue(Wildcard.matches("*", ""));
        assertTrue(Wildcard.matches("*", "anything:at/all"));
        assertTrue(Wildcard.matches("get*", "getobject"));
        assertFalse(Wildcard.matches("get*", "putobject"));
        assertTrue(Wildcard.matches("?et*", "getobject"));
        assertFalse(Wildcard.matches("?", ""));
        assertTrue(Wildcard.matches("a*b*c", "aXXbYYc"));
        assertFalse(Wildcard.matches("a*b*c", "aXXbYY"));
        assertTrue(Wildcard.matches("*a*a*a*", "banana and a"));
        assertFalse(Wildcard.matches("arn:aws:s3:::b/*", "arn:aws:s3:::b"));
        assertTrue(Wildcard.matches("arn:aws:s3:::b*", "arn:aws:s3:::b/x/y"));
        assertFalse(Wildcard.matches("Get", "get"));
        assertTrue(Wildcard.matches("**", "x"));
    }

    @Test
    void patternCaseIgnoredAgainstLowerText() {
        assertTrue(Wildcard.matchesLowerText("S3:Get*", "s3:getobject"));
        assertTrue(Wildcard.matchesLowerText("s3:GETOBJEC?", "s3:getobject"));
        assertFalse(Wildcard.matchesLowerText("s3:Put*", "s3:getobject"));
        assertFalse(Wildcard.matches("S3:Get*", "s3:getobject"));
    }
}
