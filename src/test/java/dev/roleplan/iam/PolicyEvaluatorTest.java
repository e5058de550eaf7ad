package dev.roleplan.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roleplan.model.PolicyDocument;
import dev.roleplan.model.Statement.Effect;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {
    private static PolicyDocument p(String json) {
        PolicyDocument doc = PolicyParser.parse(json);
        assertTrue(doc.isWellFormed(), doc.problems().toString());
        return doc;
    }

    private static PolicyDocument allow(String action, String resource) {
        return p("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"}]}");
    }

    private static Evaluation eval(List<PolicyDocument> identity, PolicyDocument boundary, String action, String resource) {
        return PolicyEvaluator.evaluate(identity, boundary, action, resource);
    }

    private static final String OBJECT = "arn:aws:s3:::assets/logo.png";

    @Test
    void allowWithWildcardsAndCaseInsensitiveActions() {
        Evaluation e = eval(List.of(allow("s3:Get*", "arn:aws:s3:::assets/*")), null, "S3:getobject", OBJECT);
        assertEquals(Decision.ALLOWED, e.decision());
        assertEquals(List.of(new StatementRef("0", 0, null, Effect.ALLOW, false)), e.statements());
        assertFalse(e.explicitDeny());
        assertEquals(Decision.DENIED_IMPLICIT, eval(List.of(allow("s3:Get*", "arn:aws:s3:::assets/*")), null,
                "s3:PutObject", OBJECT).decision());
        assertEquals(Decision.DENIED_IMPLICIT, eval(List.of(allow("s3:GetObject", "arn:aws:s3:::Assets/*")), null,
                "s3:GetObject", OBJECT).decision());
        assertEquals(Decision.DENIED_IMPLICIT, eval(List.of(), null, "s3:GetObject", OBJECT).decision());
    }

    @Test
    void explicitDenyBeatsAllow() {
        PolicyDocument doc = p("""
                {"Version":"2012-10-17","Statement":[
                  {"Sid":"All","Effect":"Allow","Action":"*","Resource":"*"},
                  {"Sid":"NoDelete","Effect":"Deny","Action":"s3:Delete*","Resource":"arn:aws:s3:::assets/*"}]}""");
        Evaluation e = eval(List.of(doc), null, "s3:DeleteObject", OBJECT);
        assertEquals(Decision.DENIED_EXPLICIT, e.decision());
        assertTrue(e.explicitDeny());
        assertEquals(List.of(new StatementRef("0", 1, "NoDelete", Effect.DENY, false)), e.statements());
        assertEquals(Decision.ALLOWED, eval(List.of(doc), null, "s3:DeleteObject", "arn:aws:s3:::other/k").decision());
        // a deny in another policy of the same role applies too
        assertEquals(Decision.DENIED_EXPLICIT, eval(List.of(allow("*", "*"),
                p("{\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}")), null,
                "s3:GetObject", OBJECT).decision());
    }

    @Test
    void notActionAndNotResource() {
        PolicyDocument notAction = p("""
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":["iam:*","organizations:*"],"Resource":"*"}}""");
        assertEquals(Decision.ALLOWED, eval(List.of(notAction), null, "s3:GetObject", OBJECT).decision());
        assertEquals(Decision.DENIED_IMPLICIT, eval(List.of(notAction), null, "iam:PassRole",
                "arn:aws:iam::1:role/r").decision());

        PolicyDocument notResource = p("""
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","NotResource":"arn:aws:s3:::secret/*"}}""");
        assertEquals(Decision.ALLOWED, eval(List.of(notResource), null, "s3:GetObject", OBJECT).decision());
        assertEquals(Decision.DENIED_IMPLICIT, eval(List.of(notResource), null, "s3:GetObject",
                "arn:aws:s3:::secret/k").decision());

        PolicyDocument denyNotResource = p("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},
                 {"Effect":"Deny","Action":"s3:*","NotResource":["arn:aws:s3:::assets","arn:aws:s3:::assets/*"]}]}""");
        assertEquals(Decision.ALLOWED, eval(List.of(denyNotResource), null, "s3:GetObject", OBJECT).decision());
        assertEquals(Decision.DENIED_EXPLICIT, eval(List.of(denyNotResource), null, "s3:GetObject",
                "arn:aws:s3:::other/k").decision());
    }

    @Test
    void conditionsGrantConditionally() {
        PolicyDocument conditionalAllow = p("""
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",
                 "Condition":{"Bool":{"aws:SecureTransport":"true"}}}}""");
        Evaluation e = eval(List.of(conditionalAllow), null, "s3:GetObject", OBJECT);
        assertEquals(Decision.CONDITIONAL, e.decision());
        assertEquals(List.of(new StatementRef("0", 0, null, Effect.ALLOW, true)), e.statements());

        PolicyDocument conditionalDeny = p("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},
                 {"Sid":"TlsOnly","Effect":"Deny","Action":"*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""");
        Evaluation d = eval(List.of(conditionalDeny), null, "s3:GetObject", OBJECT);
        assertEquals(Decision.CONDITIONAL, d.decision(), "a conditional deny makes the allow conditional, not denied");
        assertEquals(List.of(new StatementRef("0", 0, null, Effect.ALLOW, false),
                new StatementRef("0", 1, "TlsOnly", Effect.DENY, true)), d.statements());
        // an unconditional deny still wins over a conditional allow
        PolicyDocument both = p("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}},
                 {"Effect":"Deny","Action":"s3:GetObject","Resource":"*"}]}""");
        assertEquals(Decision.DENIED_EXPLICIT, eval(List.of(both), null, "s3:GetObject", OBJECT).decision());
        // a conditional deny alone denies nothing that was not already denied
        PolicyDocument denyOnly = p("""
                {"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}}""");
        assertEquals(Decision.DENIED_IMPLICIT, eval(List.of(denyOnly), null, "s3:GetObject", OBJECT).decision());
    }

    @Test
    void policyVariablesAndUnknownValuesAreConditional() {
        Evaluation e = eval(List.of(allow("s3:GetObject", "arn:aws:s3:::home/${aws:username}/*")), null,
                "s3:GetObject", "arn:aws:s3:::home/alice/notes.txt");
        assertEquals(Decision.CONDITIONAL, e.decision());
        assertEquals(Decision.DENIED_IMPLICIT, eval(List.of(allow("s3:GetObject", "arn:aws:s3:::home/${aws:username}/*")),
                null, "s3:GetObject", OBJECT).decision());
        assertEquals(Decision.CONDITIONAL, eval(List.of(allow("${var.action}", "*")), null, "s3:GetObject", OBJECT).decision());
    }

    @Test
    void boundaryIntersects() {
        PolicyDocument identity = allow("s3:*", "*");
        PolicyDocument boundary = allow("s3:Get*", "arn:aws:s3:::assets/*");
        Evaluation allowed = eval(List.of(identity), boundary, "s3:GetObject", OBJECT);
        assertEquals(Decision.ALLOWED, allowed.decision());
        assertEquals(List.of(new StatementRef("0", 0, null, Effect.ALLOW, false),
                new StatementRef("boundary", 0, null, Effect.ALLOW, false)), allowed.statements());

        Evaluation outside = eval(List.of(identity), boundary, "s3:PutObject", OBJECT);
        assertEquals(Decision.DENIED_IMPLICIT, outside.decision());
        assertTrue(outside.deniedByBoundary());
        assertEquals(List.of(), outside.statements());

        // the boundary grants nothing by itself
        Evaluation notInIdentity = eval(List.of(allow("sqs:*", "*")), boundary, "s3:GetObject", OBJECT);
        assertEquals(Decision.DENIED_IMPLICIT, notInIdentity.decision());
        assertFalse(notInIdentity.deniedByBoundary());

        PolicyDocument denyingBoundary = p("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},
                 {"Effect":"Deny","Action":"s3:GetObject","Resource":"*"}]}""");
        Evaluation denied = eval(List.of(identity), denyingBoundary, "s3:GetObject", OBJECT);
        assertEquals(Decision.DENIED_EXPLICIT, denied.decision());
        assertEquals(List.of(new StatementRef("boundary", 1, null, Effect.DENY, false)), denied.statements());
    }

    @Test
    void wildcardOnlyActionsNeedResourceStar() {
        assertEquals(Decision.ALLOWED, eval(List.of(allow("ecr:GetAuthorizationToken", "*")), null,
                "ecr:GetAuthorizationToken", "*").decision());
        assertEquals(Decision.DENIED_IMPLICIT, eval(List.of(allow("ecr:GetAuthorizationToken",
                "arn:aws:ecr:*:*:repository/*")), null, "ecr:GetAuthorizationToken", "*").decision());
    }

    @Test
    void getCallerIdentityNeedsNoPermissionAndCannotBeDenied() {
        PolicyDocument denyAll = p("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}}");
        Evaluation e = eval(List.of(denyAll), null, "sts:GetCallerIdentity", "*");
        assertEquals(Decision.ALLOWED, e.decision());
        assertEquals(List.of(), e.statements());
        assertEquals(Decision.DENIED_EXPLICIT, eval(List.of(denyAll), null, "sts:GetSessionToken", "*").decision());
    }

    @Test
    void malformedStatementsTakeNoPart() {
        PolicyDocument doc = PolicyParser.parse("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*"},{"Action":"s3:*","Resource":"*"}]}""");
        assertFalse(doc.isWellFormed());
        assertEquals(Decision.DENIED_IMPLICIT, eval(List.of(doc), null, "s3:GetObject", OBJECT).decision());
    }
}
