package dev.roleplan.input.hcl;

import dev.roleplan.input.hcl.syntax.Attribute;
import dev.roleplan.input.hcl.syntax.Block;
import dev.roleplan.model.Address;
import dev.roleplan.model.Reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One instance of a resource or data block ({@code module.iam.aws_iam_role.exec}). Configured attributes
 * evaluate to their values; what the provider computes ({@code arn}, {@code id}) is unknown and refers to
 * this instance's attribute, which is how the resolver links a task definition to its role.
 */
final class ResourceInstance implements LazyObject {

    /** Block arguments Terraform itself interprets; they are not resource attributes. */
    static final Set<String> META = Set.of("count", "for_each", "provider", "depends_on", "lifecycle",
            "provisioner", "connection");

    private final ModuleInstance module;
    private final String key;
    private final Block block;
    private final Object instanceKey;
    private final boolean keyUnknown;
    private final Scope scope;
    private final Map<String, Object> attributes = new HashMap<>();
    private Map<String, Object> body;

    ResourceInstance(ModuleInstance module, String key, Block block, Object instanceKey, boolean keyUnknown, Scope scope) {
        this.module = module;
        this.key = key;
        this.block = block;
        this.instanceKey = instanceKey;
        this.keyUnknown = keyUnknown;
        this.scope = scope;
    }

    String address() {
        return module.address(key) + ModuleInstance.keySuffix(instanceKey);
    }

    Object key() {
        return instanceKey;
    }

    boolean keyUnknown() {
        return keyUnknown;
    }

    Block block() {
        return block;
    }

    boolean isData() {
        return key.startsWith("data.");
    }

    String type() {
        return block.labels().get(0).value();
    }

    String name() {
        return block.labels().get(1).value();
    }

    /** The configured attributes and nested blocks, evaluated (remembered: a body is evaluated once). */
    Map<String, Object> body() {
        if (body == null) {
            body = Map.of();
            body = ModuleInstance.body(block.body(), block.range(), scope, META);
            if (isData()) {
                DataSources.complete(this, body, module.loader);
            }
        }
        return body;
    }

    @Override
    public Object get(String name) {
        if (attributes.containsKey(name)) {
            return attributes.get(name);
        }
        Object value = compute(name);
        attributes.put(name, value);
        return value;
    }

    private Object compute(String name) {
        Reference self = new Reference(Address.of(address()), name);
        Map<String, Object> evaluated = body();
        // A configured null is the attribute left unset, as in Terraform: one the provider computes
        // (a role's name beside name_prefix) is then known only after apply, like any unset attribute.
        if (evaluated.get(name) != null) {
            Object value = evaluated.get(name);
            if (value instanceof Unknown u) {
                Set<Reference> references = new LinkedHashSet<>();
                references.add(self);
                references.addAll(u.references());
                return new Unknown(u.reason(), new ArrayList<>(references), u.text() != null ? u.text() : "${" + self + "}");
            }
            return value;
        }
        Attribute configured = block.body().attribute(name).orElse(null);
        if (configured != null && META.contains(name)) {
            return Evaluator.eval(configured.value(), scope);
        }
        Unknown unknown = Unknown.attribute(self);
        return alwaysSet(name) ? unknown.refinedNotNull() : unknown;
    }

    /**
     * Data-source attributes the provider always returns: Terraform reads these data sources while planning,
     * so their values are known to it (only roleplan, offline, lacks them) and never null.
     */
    private static final Map<String, Set<String>> DATA_ALWAYS_SET = Map.of(
            "aws_ssm_parameter", Set.of("arn", "name", "type", "value", "version"),
            "aws_secretsmanager_secret", Set.of("arn", "name"),
            "aws_kms_key", Set.of("arn", "key_id"),
            "aws_ecr_repository", Set.of("arn", "name", "registry_id", "repository_url"),
            "aws_iam_role", Set.of("arn", "name", "unique_id"));

    /** Whether the provider always sets this unset attribute: every resource's id and AWS ARN, and the table above. */
    private boolean alwaysSet(String name) {
        if (name.equals("id")) {
            return true;
        }
        if (!isData()) {
            return name.equals("arn") && type().startsWith("aws_") || HclReader.computedAttributes(type()).contains(name);
        }
        return DATA_ALWAYS_SET.getOrDefault(type(), Set.of()).contains(name);
    }

    @Override
    public Map<String, Object> materialize() {
        return body();
    }
}
