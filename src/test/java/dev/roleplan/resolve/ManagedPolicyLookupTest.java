package dev.roleplan.resolve;

import dev.roleplan.model.PolicyDocument;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManagedPolicyLookupTest {

    private static final String EXECUTION = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";

    @Test
    void catalogFindsAwsManagedPoliciesInAnyPartition() {
        Optional<PolicyDocument> document = ManagedPolicyLookup.catalog().find(EXECUTION);
        assertTrue(document.isPresent());
        assertTrue(document.get().statements().stream()
                .anyMatch(s -> s.actions().values().contains("ecr:GetAuthorizationToken")));
        assertTrue(ManagedPolicyLookup.catalog().find(EXECUTION.replace("arn:aws:", "arn:aws-us-gov:")).isPresent());
    }

    @Test
    void noneFindsNothingAndCustomerPoliciesAreNotAwsManaged() {
        assertEquals(Optional.empty(), ManagedPolicyLookup.none().find(EXECUTION));
        assertTrue(ManagedPolicyLookup.isAwsManaged(EXECUTION));
        assertFalse(ManagedPolicyLookup.isAwsManaged("arn:aws:iam::123456789012:policy/aws"));
        assertFalse(ManagedPolicyLookup.isAwsManaged("not-an-arn"));
    }
}
