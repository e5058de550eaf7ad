package dev.roleplan.iam;

import dev.roleplan.model.PolicyDocument;
import dev.roleplan.model.Statement;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyParserTest {

    @Test
    void singleStatementWithStringValues() {
        PolicyDocument doc = PolicyParser.parse("""
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}}""");
        assertTrue(doc.isWellFormed(), doc.problems().toString());
        Statement st = doc.statements().get(0);
        assertEquals(Statement.Effect.ALLOW, st.effect());
        assertEquals(List.of("s3:GetObject"), st.actions().values());
        assertFalse(st.actions().negated());
        assertEquals(List.of("arn:aws:s3:::b/*"), st.resources().values());
        assertEquals("0", st.label());
    }

    @Test
    void listOfStatementsWithNotFormsPrincipalsAndConditions() {
        PolicyDocument doc = PolicyParser.parse("""
                {"Statement":[
                  {"Sid":"Trust","Effect":"Allow","Principal":{"Service":["ecs-tasks.amazonaws.com"],"AWS":"arn:aws:iam::1:root"},
                   "Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"},"Bool":{"aws:SecureTransport":true}}},
                  {"Effect":"Deny","NotAction":["iam:*"],"NotResource":"*","NotPrincipal":"*"}
                ],"Version":"2012-10-17"}""");
        assertTrue(doc.isWellFormed(), doc.problems().toString());
        Statement trust = doc.statements().get(0);
        assertEquals("Trust", trust.label());
        assertEquals(Map.of("Service", List.of("ecs-tasks.amazonaws.com"), "AWS", List.of("arn:aws:iam::1:root")),
                trust.principals().byType());
        assertFalse(trust.principals().anyone());
        assertEquals(2, trust.conditions().size());
        assertEquals("true", trust.conditions().get(1).values().get(0));
        assertNull(trust.resources());
        Statement deny = doc.statements().get(1);
        assertTrue(deny.isDeny());
        assertTrue(deny.actions().negated());
        assertTrue(deny.resources().negated());
        assertTrue(deny.principals().anyone());
        assertTrue(deny.principals().negated());
    }

    @Test
    void anyAwsPrincipalIsAnyone() {
        PolicyDocument doc = PolicyParser.parse("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}""");
        assertTrue(doc.statements().get(0).principals().anyone());
    }

    @Test
    void malformedPartsBecomeProblemsAndTheRestIsKept() {
        PolicyDocument doc = PolicyParser.parse("""
                {"Version":"2012-10-18","Statement":[
                  {"Effect":"allow","Action":"s3:GetObject","Resource":"*"},
                  {"Effect":"Allow","Resource":"*","Actions":"s3:*"},
                  {"Effect":"Allow","Action":["s3:GetObject", 5, {"a":1}],"NotAction":"x","Resource":"*"},
                  "oops"
                ]}""");
        assertEquals(List.of(
                "Version: \"2012-10-18\" is not a policy language version (use \"2012-10-17\")",
                "Statement[0].Effect: \"allow\" must be \"Allow\" or \"Deny\"",
                "Statement[1]: unknown element \"Actions\"",
                "Statement[1] has neither Action nor NotAction",
                "Statement[2] has both Action and NotAction",
                "Statement[2].Action[2] must be a string, not an object",
                "Statement[3] must be an object, not a string"), doc.problems());
        assertEquals(3, doc.statements().size());
        assertNull(doc.statements().get(0).effect());
        assertEquals(List.of("s3:GetObject", "5"), doc.statements().get(2).actions().values());
    }

    @Test
    void invalidJsonNeverQuotesTheText() {
        // Jackson's message would quote the token ("Unrecognized token 'hunter2SecretValue'")
        PolicyDocument doc = PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\": hunter2SecretValue}");
        assertEquals(List.of("the policy is not valid JSON (Unrecognized token at line 1, column 40)"), doc.problems());
    }

    @Test
    void invalidJsonSaysWhere() {
        PolicyDocument doc = PolicyParser.parse("{\"Version\":\"2012-10-17\",\n\"Statement\": [ }");
        assertEquals(1, doc.problems().size());
        assertTrue(doc.problems().get(0).startsWith("the policy is not valid JSON ("), doc.problems().get(0));
        assertTrue(doc.problems().get(0).contains("line 2"), doc.problems().get(0));
    }

    @Test
    void emptyAndNonObjectPolicies() {
        assertEquals(List.of("the policy is empty"), PolicyParser.parse("  ").problems());
        assertEquals(List.of("the policy must be a JSON object, not a list"), PolicyParser.parse("[]").problems());
        assertEquals(List.of("the policy has no Statement"), PolicyParser.parse("{\"Version\":\"2012-10-17\"}").problems());
    }

    @Test
    void deepNestingIsRefusedNotOverflowed() {
        String deep = "{\"Statement\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        PolicyDocument doc = PolicyParser.parse(deep);
        assertEquals(1, doc.problems().size());
        assertTrue(doc.problems().get(0).startsWith("the policy is not valid JSON"), doc.problems().get(0));
    }

    @Test
    void parseErrorsNeverQuoteThePolicy() {
        PolicyDocument doc = PolicyParser.parse("{\"Statement\": [{\"Effect\": Allow-hunter2-secret}]}");
        assertEquals(1, doc.problems().size());
        assertFalse(doc.problems().get(0).contains("hunter2"), doc.problems().get(0));
    }
}
