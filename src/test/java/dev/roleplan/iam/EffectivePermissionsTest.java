package dev.roleplan.iam;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EffectivePermissionsTest {

    private static final ActionCatalog CATALOG = ActionCatalog.get();

    private static EffectivePermissions of(String... docs) {
        return EffectivePermissions.ofDocuments(java.util.Arrays.stream(docs).map(PolicyParser::parse).toList(), CATALOG);
    }

    @Test
    void expandsWildcardsAgainstTheCatalogAndKeepsResources() {
        var p = of("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecr:BatchGet*","Resource":"arn:aws:ecr:eu-west-1:1:repository/app"}]}""");
        assertEquals(CATALOG.expand("ecr:BatchGet*").stream().map(ActionInfo::fullName).sorted(String.CASE_INSENSITIVE_ORDER).toList(),
                List.copyOf(p.actions()));
        var g = p.grant("ecr:BatchGetImage").orElseThrow();
        assertEquals(List.of("arn:aws:ecr:eu-west-1:1:repository/app"), g.resources());
        assertFalse(g.unbounded());
        assertFalse(g.conditional());
    }

    @Test
    void unboundedOnlyWhenAllowedOnStarWithoutConditions() {
        var p = of("""
                {"Version":"2012-10-17","Statement":[
                  {"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},
                  {"Effect":"Allow","Action":"s3:PutObject","Resource":"*","Condition":{"StringEquals":{"aws:ResourceAccount":"1"}}}]}""");
        assertTrue(p.allowsUnbounded("s3:GetObject"));
        assertTrue(p.allowsUnbounded("S3:getobject"));
        assertFalse(p.allowsUnbounded("s3:PutObject"));
        assertTrue(p.grant("s3:PutObject").orElseThrow().conditional());
    }

    @Test
    void unconditionalDenyRemovesAndConditionalDenyOnlyQualifies() {
        var p = of("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":["s3:Delete*"],"Resource":"*"},
                  {"Effect":"Deny","Action":"s3:PutObject","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}},
                  {"Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::secret/*"}]}""");
        assertFalse(p.allows("s3:DeleteObject"));
        assertTrue(p.allows("s3:PutObject"));
        assertFalse(p.allowsUnbounded("s3:PutObject"));
        assertTrue(p.grant("s3:PutObject").orElseThrow().conditional());
        // Everything but one bucket is still no resource bound; the carve-out shows in concrete decisions.
        assertTrue(p.allowsUnbounded("s3:GetObject"));
        assertEquals(Decision.DENIED_EXPLICIT, p.decide("s3:GetObject", "arn:aws:s3:::secret/key").decision());
        assertEquals(Decision.ALLOWED, p.decide("s3:GetObject", "arn:aws:s3:::public/key").decision());
    }

    @Test
    void notActionAllowCoversEverythingElse() {
        var p = of("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":["iam:*"],"Resource":"*"}]}""");
        assertTrue(p.allowsUnbounded("s3:DeleteBucket"));
        assertFalse(p.allows("iam:PassRole"));
        assertEquals(CATALOG.actionCount() - CATALOG.expand("iam:*").size(), p.actions().size());
    }

    @Test
    void boundaryIntersects() {
        var admin = new NamedPolicy("admin", PolicyParser.parse("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"""));
        var boundary = new NamedPolicy("boundary", PolicyParser.parse("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["logs:*","s3:GetObject"],"Resource":"*"}]}"""));
        var p = EffectivePermissions.of(List.of(admin), boundary, CATALOG);
        assertTrue(p.allowsUnbounded("s3:GetObject"));
        assertFalse(p.allows("s3:PutObject"));
        assertFalse(p.allows("iam:PassRole"));
        // logs:*, s3:GetObject, and sts:GetCallerIdentity: granted by admin, and AWS lets every principal
        // call it whatever its policies and boundary say
        assertTrue(p.allowsUnbounded("sts:GetCallerIdentity"));
        assertEquals(CATALOG.expand("logs:*").size() + 2, p.actions().size());
    }

    @Test
    void unknownActionsAndUnknownValuesGrantNothing() {
        var p = of("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObjects","${var.action}"],"Resource":"*"}]}""");
        assertEquals(0, p.actions().size());
    }

    @Test
    void aWildcardOnlyActionIsNotGrantedThroughASpecificArn() {
        var p = of("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*","ecr:GetAuthorizationToken"],"Resource":"arn:aws:s3:::b/*"}]}""");
        assertFalse(p.allows("s3:ListAllMyBuckets"));
        assertFalse(p.allows("ecr:GetAuthorizationToken"));
        assertTrue(p.allows("s3:GetObject"));
    }

    @Test
    void grantsIterateInCaseInsensitiveOrderAndAreFoundByAnyCase() {
        EffectivePermissions p = of("{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":[\"s3:*\",\"s3-object-lambda:Get*\",\"sqs:SendMessage\"],\"Resource\":\"*\"}]}");
        List<String> names = List.copyOf(p.grants().keySet());
        assertEquals(names.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), names);
        assertEquals(names, List.copyOf(p.actions()));
        assertTrue(p.allows("SQS:sendmessage"));
        assertTrue(p.allowsUnbounded("s3:getobject"));
        assertEquals("s3:GetObject", p.grant("S3:GETOBJECT").orElseThrow().action());
        assertFalse(p.allows("sqs:ReceiveMessage"));
        assertFalse(p.allows("no-such:Action"));
    }

    @Test
    void grantsOfSeveralStatementsAreInOrderWhateverOrderTheStatementsNameThem() {
        // the first statement's expansion is taken in its own order; later ones add actions that sort before it
        EffectivePermissions p = of("""
                {"Version":"2012-10-17","Statement":[
                  {"Effect":"Allow","Action":"sqs:SendMessage","Resource":"*"},
                  {"Effect":"Allow","Action":["s3:GetObject","sqs:SendMessage"],"Resource":"arn:aws:s3:::b/*"},
                  {"Effect":"Allow","Action":"ecr:BatchGet*","Resource":"*"}]}""");
        List<String> names = List.copyOf(p.grants().keySet());
        assertEquals(List.of("ecr:BatchGetImage", "ecr:BatchGetRepositoryScanningConfiguration", "s3:GetObject",
                "sqs:SendMessage"), names);
        assertEquals(2, p.grant("sqs:SendMessage").orElseThrow().statements().size());
    }
}
