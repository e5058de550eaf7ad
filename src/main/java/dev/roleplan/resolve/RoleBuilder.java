package dev.roleplan.resolve;

import dev.roleplan.model.Address;
import dev.roleplan.model.AttachedPolicy;
import dev.roleplan.model.PolicyDocument;
import dev.roleplan.model.PolicySource;
import dev.roleplan.model.Reference;
import dev.roleplan.model.Resource;
import dev.roleplan.model.Role;
import dev.roleplan.model.UnknownValue;
import dev.roleplan.model.Value;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link Role} from an {@code aws_iam_role} resource with every policy that reaches it. Each role
 * is built once per input, so the same role reached twice is the same object.
 */
final class RoleBuilder {

    private final InputIndex index;
    private final PolicyDocuments documents;
    private final ManagedPolicyLookup managed;
    private final Map<Address, Role> built = new LinkedHashMap<>();

    RoleBuilder(InputIndex index, PolicyDocuments documents, ManagedPolicyLookup managed) {
        this.index = index;
        this.documents = documents;
        this.managed = managed;
    }

    Role role(Resource role) {
        return built.computeIfAbsent(role.address(), a -> build(role));
    }

    private Role build(Resource role) {
        List<AttachedPolicy> policies = new ArrayList<>();
        Set<String> standaloneNames = new HashSet<>();
        for (Resource policy : index.managed("aws_iam_role_policy")) {
            if (links(policy, "role", role)) {
                String name = Values.knownString(policy.value("name"));
                if (name != null) {
                    standaloneNames.add(name);
                }
                policies.add(new AttachedPolicy(policy.address().text(), PolicySource.ROLE_POLICY, policy.address(),
                        policy.address(), null, name, documents.of(policy, "policy"), policy.location()));
            }
        }
        inlineBlocks(role, standaloneNames, policies);

        Set<String> seen = new HashSet<>();
        for (String type : List.of("aws_iam_role_policy_attachment", "aws_iam_policy_attachment")) {
            String roleAttribute = type.equals("aws_iam_policy_attachment") ? "roles" : "role";
            for (Resource attachment : index.managed(type)) {
                if (links(attachment, roleAttribute, role)) {
                    add(policies, seen, byArnAttribute(attachment, "policy_arn", attachment.address(), null));
                }
            }
        }
        Object managedArns = role.value("managed_policy_arns");
        if (managedArns instanceof List<?> list) {
            for (Object arn : list) {
                add(policies, seen, byArnValue(role, "managed_policy_arns", arn, role.address(), null));
            }
        } else if (managedArns instanceof UnknownValue unknown && hasFollowable(Values.referencesOf(role, "managed_policy_arns", unknown))) {
            for (Reference reference : Values.referencesOf(role, "managed_policy_arns", unknown)) {
                Resource target = reference.isFollowable() ? index.get(reference.target()) : null;
                if (target != null && target.type().equals("aws_iam_policy")) {
                    add(policies, seen, policyResource(target, role.address(), null));
                }
            }
        }
        AttachedPolicy boundary = null;
        Object boundaryValue = role.value("permissions_boundary");
        if (boundaryValue != null) {
            boundary = byArnValue(role, "permissions_boundary", boundaryValue, role.address(), PolicySource.BOUNDARY);
        }
        return new Role(role.address(), role.string("name"), role.string("arn"), documents.of(role, "assume_role_policy"),
                policies, boundary, role.location());
    }

    /** Inline blocks, except those an {@code aws_iam_role_policy} of the same name already manages (state repeats them). */
    private void inlineBlocks(Resource role, Set<String> standaloneNames, List<AttachedPolicy> policies) {
        Object blocks = role.value("inline_policy");
        if (!(blocks instanceof List<?> list)) {
            return;
        }
        List<Reference> references = role.referencesOf("inline_policy");
        for (Object element : list) {
            Map<String, Object> block = Values.map(element);
            if (block == null) {
                continue;
            }
            Object nameValue = block.get("name");
            Object policy = block.get("policy");
            String name = Values.knownString(nameValue);
            boolean empty = name == null && !(nameValue instanceof UnknownValue)
                    && (policy == null || "".equals(policy));
            if (empty || (name != null && standaloneNames.contains(name))) {
                continue;
            }
            String shownName = name != null ? name : "(unknown name)";
            String id = role.address() + ".inline_policy[\"" + shownName + "\"]";
            policies.add(new AttachedPolicy(id, PolicySource.INLINE_BLOCK, role.address(), null, null, name,
                    documents.of(policy, references, id), role.location()));
        }
    }

    private static void add(List<AttachedPolicy> policies, Set<String> seen, AttachedPolicy policy) {
        if (policy == null) {
            return;
        }
        // The same policy attached twice (an attachment and the role's computed managed_policy_arns) counts once.
        List<String> keys = new ArrayList<>();
        keys.add("id " + policy.id());
        if (policy.arn() != null) {
            keys.add("arn " + policy.arn());
        }
        if (policy.policy() != null) {
            keys.add("address " + policy.policy());
        }
        if (keys.stream().noneMatch(seen::contains)) {
            seen.addAll(keys);
            policies.add(policy);
        }
    }

    private AttachedPolicy byArnAttribute(Resource holder, String attribute, Address attachment, PolicySource forced) {
        return byArnValue(holder, attribute, holder.value(attribute), attachment, forced);
    }

    /** A policy named by ARN: one defined in the input, an AWS-managed one, or an external one. */
    private AttachedPolicy byArnValue(Resource holder, String attribute, Object value, Address attachment, PolicySource forced) {
        String arn = Values.knownString(value);
        if (arn != null) {
            Resource policy = index.policyByArn(arn);
            if (policy != null) {
                return policyResource(policy, attachment, forced);
            }
            if (ManagedPolicyLookup.isAwsManaged(arn)) {
                Value<PolicyDocument> document = managed.find(arn).<Value<PolicyDocument>>map(Value::known).orElse(Value.absent());
                return new AttachedPolicy(arn, forced != null ? forced : PolicySource.AWS_MANAGED, null, attachment, arn,
                        arn.substring(arn.lastIndexOf('/') + 1), document, holder.location());
            }
            Resource data = index.dataPolicyByArn(arn);
            Value<PolicyDocument> document = data == null ? Value.absent() : documents.of(data, "policy");
            return new AttachedPolicy(arn, forced != null ? forced : PolicySource.EXTERNAL, data == null ? null : data.address(),
                    attachment, arn, arn.substring(arn.lastIndexOf('/') + 1), document, holder.location());
        }
        if (value instanceof UnknownValue unknown) {
            List<Reference> references = unknown.references().isEmpty() ? holder.referencesOf(attribute) : unknown.references();
            for (Reference reference : references) {
                Resource target = reference.isFollowable() ? index.get(reference.target()) : null;
                if (target != null && target.type().equals("aws_iam_policy")) {
                    return target.isData()
                            ? new AttachedPolicy(target.address().text(), forced != null ? forced : PolicySource.EXTERNAL,
                            target.address(), attachment, Values.knownString(target.value("arn")),
                            Values.knownString(target.value("name")), documents.of(target, "policy"), holder.location())
                            : policyResource(target, attachment, forced);
                }
            }
            String id = holder.address() + "." + attribute;
            String reason = references.isEmpty()
                    ? id + " is known only after apply"
                    : hasFollowable(references)
                    ? id + " is computed from " + Values.describe(references) + ", which is not a policy in this input"
                    : id + Values.unfollowable(references);
            return new AttachedPolicy(id, forced != null ? forced : PolicySource.EXTERNAL, null, attachment, null, null,
                    Value.unknown(reason, references), holder.location());
        }
        return null;
    }

    private AttachedPolicy policyResource(Resource policy, Address attachment, PolicySource forced) {
        return new AttachedPolicy(policy.address().text(), forced != null ? forced : PolicySource.CUSTOMER_MANAGED,
                policy.address(), attachment, Values.knownString(policy.value("arn")), Values.knownString(policy.value("name")),
                documents.of(policy, "policy"), policy.location());
    }

    private static boolean hasFollowable(List<Reference> references) {
        return references.stream().anyMatch(Reference::isFollowable);
    }

    /**
     * Whether a policy or attachment resource names the role in {@code attribute}: by known name (the
     * role's id is its name) or ARN, or by a configuration reference to the role's address.
     */
    private boolean links(Resource holder, String attribute, Resource role) {
        Object value = holder.value(attribute);
        Set<String> names = roleIdentifiers(role);
        if (value instanceof String s && names.contains(s)) {
            return true;
        }
        if (value instanceof List<?> list) {
            for (Object element : list) {
                if (element instanceof String s && names.contains(s)) {
                    return true;
                }
                if (element instanceof UnknownValue u && referencesRole(u.references(), role)) {
                    return true;
                }
            }
        }
        List<Reference> references = Values.referencesOf(holder, attribute, value);
        return referencesRole(references, role);
    }

    private static boolean referencesRole(List<Reference> references, Resource role) {
        for (Reference reference : references) {
            if (reference.target().equals(role.address())) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> roleIdentifiers(Resource role) {
        Set<String> identifiers = new HashSet<>();
        for (String attribute : List.of("name", "arn", "id")) {
            String after = Values.knownString(role.value(attribute));
            if (after != null) {
                identifiers.add(after);
            }
            if (role.before() != null) {
                String before = Values.knownString(role.before().get(attribute));
                if (before != null) {
                    identifiers.add(before);
                }
            }
        }
        return identifiers;
    }
}
