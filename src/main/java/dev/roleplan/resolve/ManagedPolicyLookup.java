package dev.roleplan.resolve;

import dev.roleplan.iam.ManagedPolicies;
import dev.roleplan.iam.PolicyParser;
import dev.roleplan.model.PolicyDocument;

import java.util.Optional;

/**
 * The documents of AWS-managed policies ({@code arn:aws:iam::aws:policy/...}). The IAM catalog supplies the
 * real one ({@link #catalog()}); with {@link #none()}, managed policies are reported with an absent document.
 */
@FunctionalInterface
public interface ManagedPolicyLookup {

    /** The default document version of the AWS-managed policy with this ARN (any partition), if known. */
    Optional<PolicyDocument> find(String arn);

    static ManagedPolicyLookup none() {
        return arn -> Optional.empty();
    }

    /** The bundled catalog of AWS-managed policies (loaded on first use). */
    static ManagedPolicyLookup catalog() {
        return arn -> ManagedPolicies.get().document(arn).map(PolicyParser::parse);
    }

    /** True for AWS-managed policy ARNs in any partition. */
    static boolean isAwsManaged(String arn) {
        return arn != null && ManagedPolicies.isAwsManagedArn(arn);
    }
}
