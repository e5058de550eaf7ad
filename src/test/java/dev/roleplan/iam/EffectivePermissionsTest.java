package dev.roleplan.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roleplan.model.PolicyDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class EffectivePermissionsTest {
    private final ActionCatalog catalog = ActionCatalog.get();

    private static NamedPolicy p(String id, String json) {
        PolicyDocument doc = PolicyParser.parse(json);
        assertTrue(doc.isWellFormed(), doc.problems().toString());
        return new NamedPolicy(id, doc);
    }

    private EffectivePermissions of(NamedPolicy boundary, NamedPolicy... identity) {
        return EffectivePermissions.compute(catalog, List.of(identity), boundary);
    }

    private NamedPolicy managed(String arn) {
        return new NamedPolicy(arn, PolicyParser.parse(ManagedPolicies.get().document(arn).orElseThrow()));
    }

    @Test
    void ecsTaskExecutionRolePolicyGrantsItsSixActionsUnrestricted() {
        EffectivePermissions e = of(null, managed("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"));
        assertEquals(List.of("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetAuthorizationToken",
                        "ecr:GetDownloadUrlForLayer", "logs:CreateLogStream", "logs:PutLogEvents"),
                e.grants().stream().map(g -> g.action().fullName()).toList());
        assertTrue(e.grants().stream().allMatch(Grant::unrestricted));
    }

    @Test
    void administratorAccessGrantsEveryAction() {
        EffectivePermissions e = of(null, managed("arn:aws:iam::aws:policy/AdministratorAccess"));
        assertEquals(catalog.actionCount(), e.size());
        assertTrue(e.grant("iam:PassRole").orElseThrow().unrestricted());
    }

    @Test
    void unionMinusDenies() {
        EffectivePermissions e = of(null,
                p("a", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::assets/*\"}}"),
                p("b", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\",\"Resource\":\"*\"},"
                        + "{\"Effect\":\"Deny\",\"Action\":\"s3:Delete*\",\"Resource\":\"*\"}]}"));
        int s3 = catalog.expand("s3:*").size();
        int s3Delete = catalog.expand("s3:Delete*").size();
        // wildcard-only S3 actions (e.g. s3:ListAllMyBuckets) are not reachable through a bucket ARN
        int s3WildcardOnly = (int) catalog.expand("s3:*").stream().filter(ActionInfo::isWildcardOnly).count();
        assertEquals(s3 - s3Delete - s3WildcardOnly + 1, e.size());
        assertFalse(e.grants("s3:DeleteObject"));
        assertFalse(e.grants("s3:ListAllMyBuckets"));
        Grant get = e.grant("S3:GetObject").orElseThrow();
        assertEquals(Decision.ALLOWED, get.decision());
        assertFalse(get.allResources());
        assertEquals(List.of("arn:aws:s3:::assets/*"), get.resources());
        assertEquals(List.of(new StatementRef("a", 0, null, dev.roleplan.model.Statement.Effect.ALLOW, false)), get.allows());
        assertTrue(e.grant("sqs:SendMessage").orElseThrow().unrestricted());
        assertEquals(List.of("sqs:SendMessage"), e.matching("sqs:*").stream().map(g -> g.action().fullName()).toList());
    }

    @Test
    void notActionConditionsAndPartialDenies() {
        EffectivePermissions e = of(null, p("p", """
                {"Version":"2012-10-17","Statement":[
                  {"Effect":"Allow","NotAction":"iam:*","Resource":"*"},
                  {"Effect":"Allow","Action":"iam:GetRole","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}},
                  {"Sid":"KeepSecrets","Effect":"Deny","Action":"secretsmanager:GetSecretValue","Resource":"arn:aws:secretsmanager:*:*:secret:prod/*"}]}"""));
        assertEquals(catalog.actionCount() - catalog.expand("iam:*").size() + 1, e.size());
        assertEquals(Decision.CONDITIONAL, e.grant("iam:GetRole").orElseThrow().decision());
        assertFalse(e.grants("iam:PassRole"));
        Grant secrets = e.grant("secretsmanager:GetSecretValue").orElseThrow();
        assertEquals(Decision.ALLOWED, secrets.decision());
        assertTrue(secrets.allResources());
        assertFalse(secrets.unrestricted());
        assertEquals("KeepSecrets", secrets.limitingDenies().get(0).sid());
    }

    @Test
    void boundaryIntersectsAndWildcardOnlyActionsNeedStar() {
        NamedPolicy identity = p("id", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*","ecr:GetAuthorizationToken"],"Resource":"arn:aws:s3:::b/*"}]}""");
        NamedPolicy boundary = p("pb", """
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}}""");
        EffectivePermissions e = of(boundary, identity);
        long getNotWildcardOnly = catalog.expand("s3:Get*").stream().filter(a -> !a.isWildcardOnly()).count();
        assertEquals(getNotWildcardOnly, e.size());
        assertFalse(e.grants("s3:PutObject"));
        assertFalse(e.grants("ecr:GetAuthorizationToken"));
        Grant get = e.grant("s3:GetObject").orElseThrow();
        assertFalse(get.allResources());
        assertEquals(2, get.allows().size());
    }
}
