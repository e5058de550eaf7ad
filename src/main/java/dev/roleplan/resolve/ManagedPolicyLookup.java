package dev.roleplan.resolve;

import dev.roleplan.model.PolicyDocument;

import java.util.Optional;

/**
 * The documents of AWS-managed policies ({@code arn:aws:iam::aws:policy/...}). The IAM catalog supplies the
 * real one; without it, managed policies are reported with an absent document.
 */
@FunctionalInterface
public interface ManagedPolicyLookup {

    /** The default document version of the AWS-managed policy with this ARN (any partition), if known. */
    Optional<PolicyDocument> find(String arn);

    static ManagedPolicyLookup none() {
        return arn -> Optional.empty();
    }

    /** True for AWS-managed policy ARNs in any partition. */
    static boolean isAwsManaged(String arn) {
        return arn != null && arn.startsWith("arn:") && arn.contains(":iam::aws:policy/");
    }
}
