package dev.roleplan.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roleplan.model.PolicyDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Effective permissions of real AWS-managed policies and of mixed policy sets, counted over the catalog. */
class EffectivePermissionsCatalogTest {
    private static final ActionCatalog CATALOG = ActionCatalog.get();

    private static NamedPolicy p(String id, String json) {
        PolicyDocument doc = PolicyParser.parse(json);
        assertTrue(doc.isWellFormed(), doc.problems().toString());
        return new NamedPolicy(id, doc);
    }

    private static NamedPolicy managed(String arn) {
        return new NamedPolicy(arn, PolicyParser.parse(ManagedPolicies.get().byArn(arn).orElseThrow().document()));
    }

    @Test
    void ecsTaskExecutionRolePolicyGrantsItsSixActionsUnbounded() {
        EffectivePermissions e = EffectivePermissions.of(
                List.of(managed("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")), null, CATALOG);
        assertEquals(List.of("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetAuthorizationToken",
                "ecr:GetDownloadUrlForLayer", "logs:CreateLogStream", "logs:PutLogEvents"), List.copyOf(e.actions()));
        assertTrue(e.actions().stream().allMatch(e::allowsUnbounded));
    }

    @Test
    void administratorAccessGrantsEveryAction() {
        EffectivePermissions e = EffectivePermissions.of(
                List.of(managed("arn:aws:iam::aws:policy/AdministratorAccess")), null, CATALOG);
        assertEquals(CATALOG.actionCount(), e.actions().size());
        assertTrue(e.allowsUnbounded("iam:PassRole"));
    }

    @Test
    void unionOverPoliciesMinusDenies() {
        EffectivePermissions e = EffectivePermissions.of(List.of(
                p("a", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::assets/*\"}}"),
                p("b", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\",\"Resource\":\"*\"},"
                        + "{\"Effect\":\"Deny\",\"Action\":\"s3:Delete*\",\"Resource\":\"*\"}]}")), null, CATALOG);
        assertFalse(e.allows("s3:DeleteObject"));
        assertFalse(e.allows("s3:DeleteBucket"));
        assertTrue(e.allows("s3:PutObject"));
        assertFalse(e.allows("sqs:ReceiveMessage"));
        EffectivePermissions.Grant get = e.grant("S3:GetObject").orElseThrow();
        assertFalse(get.unbounded());
        assertEquals(List.of("arn:aws:s3:::assets/*"), get.resources());
        assertTrue(e.allowsUnbounded("sqs:SendMessage"));
    }
}
