package dev.roleplan.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ManagedPoliciesTest {
    private final ManagedPolicies policies = ManagedPolicies.get();

    @Test
    void findsByArnAndName() {
        ManagedPolicy admin = policies.byArn("arn:aws:iam::aws:policy/AdministratorAccess").orElseThrow();
        assertEquals("AdministratorAccess", admin.name());
        assertEquals("{\"Statement\":[{\"Action\":\"*\",\"Effect\":\"Allow\",\"Resource\":\"*\"}],\"Version\":\"2012-10-17\"}",
                admin.document().toString());
        assertEquals("{\"Statement\":[{\"Action\":\"*\",\"Effect\":\"Allow\",\"Resource\":\"*\"}],\"Version\":\"2012-10-17\"}",
                admin.documentJson());
        assertEquals(admin, policies.byName("AdministratorAccess").orElseThrow());
        assertEquals(admin, policies.byArn("arn:aws-us-gov:iam::aws:policy/AdministratorAccess").orElseThrow());
        assertTrue(policies.byArn("arn:aws:iam::aws:policy/NoSuchPolicy").isEmpty());
        assertTrue(policies.byArn("arn:aws:iam::123456789012:policy/AdministratorAccess").isEmpty());
        assertTrue(policies.document("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy").isPresent());
    }

    @Test
    void namesAreSortedAndComplete() {
        List<String> names = policies.names();
        assertEquals(1594, names.size());
        assertEquals(names.stream().sorted().toList(), names);
        assertTrue(names.contains("AmazonS3ReadOnlyAccess"));
    }

    @Test
    void recognisesAwsManagedArns() {
        assertTrue(ManagedPolicies.isAwsManagedArn("arn:aws:iam::aws:policy/ReadOnlyAccess"));
        assertTrue(ManagedPolicies.isAwsManagedArn("arn:aws-cn:iam::aws:policy/service-role/X"));
        assertFalse(ManagedPolicies.isAwsManagedArn("arn:aws:iam::123456789012:policy/ReadOnlyAccess"));
        assertFalse(ManagedPolicies.isAwsManagedArn("ReadOnlyAccess"));
    }

    @Test
    void readLazilyTheyAreThePoliciesReadWholeAndEveryArnEndsWithItsName() throws java.io.IOException {
        ManagedPolicies whole;
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(
                ManagedPolicies.class.getResourceAsStream(ManagedPolicies.RESOURCE))) {
            whole = ManagedPolicies.load(in);
        }
        for (ManagedPolicy p : whole.all().values()) {
            // the lazy load names policies by their ARNs' last segment: true of every AWS-managed policy
            assertEquals(p.name(), ManagedPolicies.nameInArn(p.arn()), p.arn());
        }
        assertEquals(whole.names(), policies.names());
        assertEquals(whole.all(), policies.all());
        assertEquals(whole.size(), policies.size());
    }
}
