package dev.roleplan.rules;

import dev.roleplan.model.AttachedPolicy;
import dev.roleplan.model.PolicyDocument;
import dev.roleplan.model.PolicySource;
import dev.roleplan.model.Role;
import dev.roleplan.model.Statement;

import java.util.ArrayList;
import java.util.List;

/** A statement together with the policy it stands in. */
public record PolicyStatement(AttachedPolicy policy, Statement statement) {

    /**
     * The statements of a role's customer-written policies (inline, role policies, customer-managed): the
     * ones statement rules judge. AWS-managed documents are judged once, at the attachment (RP305); the
     * boundary grants nothing.
     */
    public static List<PolicyStatement> authored(Role role) {
        List<PolicyStatement> out = new ArrayList<>();
        for (AttachedPolicy p : role.policies()) {
            if (p.source() == PolicySource.AWS_MANAGED || p.source() == PolicySource.BOUNDARY) {
                continue;
            }
            PolicyDocument doc = p.document().orNull();
            if (doc == null) {
                continue;
            }
            for (Statement s : doc.statements()) {
                out.add(new PolicyStatement(p, s));
            }
        }
        return out;
    }

    /**
     * The customer-written policies of a role (inline, role policies, customer-managed) whose documents are
     * known: the ones policy-validity rules judge as documents.
     */
    public static List<AttachedPolicy> authoredPolicies(Role role) {
        List<AttachedPolicy> out = new ArrayList<>();
        for (AttachedPolicy p : role.policies()) {
            if (p.source() != PolicySource.AWS_MANAGED && p.source() != PolicySource.BOUNDARY && p.document().isKnown()) {
                out.add(p);
            }
        }
        return out;
    }

    /** The Allow statements among {@link #authored(Role)}. */
    public static List<PolicyStatement> authoredAllows(Role role) {
        return authored(role).stream().filter(ps -> ps.statement().isAllow()).toList();
    }
}
