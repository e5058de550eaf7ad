package dev.roleplan.resolve;

import dev.roleplan.ecs.StoredSecrets;
import dev.roleplan.input.ContainerDefinitionsParser;
import dev.roleplan.model.AccountContext;
import dev.roleplan.model.Address;
import dev.roleplan.model.ChangeAction;
import dev.roleplan.model.ContainerDefinition;
import dev.roleplan.model.EcsService;
import dev.roleplan.model.Infrastructure;
import dev.roleplan.model.InputInfo;
import dev.roleplan.model.Model;
import dev.roleplan.model.StoredSecret;
import dev.roleplan.model.Notice;
import dev.roleplan.model.Reference;
import dev.roleplan.model.Resource;
import dev.roleplan.model.Role;
import dev.roleplan.model.RoleKind;
import dev.roleplan.model.RoleRef;
import dev.roleplan.model.RoleStatus;
import dev.roleplan.model.TaskDefinition;
import dev.roleplan.model.UnknownValue;
import dev.roleplan.model.Value;
import dev.roleplan.model.Volume;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link Model} from what the front ends read: every {@code aws_ecs_task_definition} linked to its
 * execution and task roles, every role to all its policies. Knows nothing of plan JSON or HCL.
 *
 * <p>What it expects of a front end's {@link Infrastructure}: absolute addresses (module instance keys
 * included); attribute values as the provider would hold them (policies and container definitions as JSON
 * strings, or as maps/lists when the front end evaluated {@code jsonencode} itself; nested blocks as lists
 * of maps); {@link UnknownValue} wherever a value is known only after apply, carrying the absolute
 * references it is computed from; and {@link Resource#references()} per top-level attribute, already
 * followed through {@code var.*} and module outputs. References that cannot be followed ({@code local.*},
 * {@code each.*}, ...) are kept with {@link Reference#isFollowable()} false, so the reason can name them.
 */
public final class Resolver {

    private final ManagedPolicyLookup managedPolicies;

    /** With the bundled catalog of AWS-managed policies. */
    public Resolver() {
        this(ManagedPolicyLookup.catalog());
    }

    public Resolver(ManagedPolicyLookup managedPolicies) {
        this.managedPolicies = managedPolicies;
    }

    public Model resolve(List<Infrastructure> inputs) {
        Model after = resolve(inputs, false);
        Model before = resolve(inputs.stream().map(Resolver::beforeView).toList(), true);
        return new Model(after.inputs(), after.taskDefinitions(), after.roles(), after.services(), after.context(),
                after.notices(), after.sensitiveValues(), after.storedSecrets(), before);
    }

    private Model resolve(List<Infrastructure> inputs, boolean quiet) {
        List<InputInfo> infos = new ArrayList<>();
        List<TaskDefinition> taskDefinitions = new ArrayList<>();
        List<Role> roles = new ArrayList<>();
        List<EcsService> services = new ArrayList<>();
        List<Notice> notices = new ArrayList<>();
        Set<String> sensitive = new HashSet<>();
        List<AccountContext> contexts = new ArrayList<>();
        List<StoredSecret> storedSecrets = new ArrayList<>();
        for (Infrastructure input : inputs) {
            // Which KMS key encrypts each secret and SecureString parameter, for the kms:Decrypt requirement.
            storedSecrets.addAll(StoredSecrets.from(input.resources()));
            infos.add(input.input());
            notices.addAll(input.notices());
            sensitive.addAll(input.sensitiveValues());
            contexts.add(input.context());
            InputIndex index = new InputIndex(input);
            RoleBuilder roleBuilder = new RoleBuilder(index, new PolicyDocuments(index), managedPolicies);
            for (Resource role : index.managed("aws_iam_role")) {
                if (role.values() != null) {
                    roles.add(roleBuilder.role(role));
                }
            }
            List<TaskDefinition> here = new ArrayList<>();
            for (Resource resource : index.managed("aws_ecs_task_definition")) {
                if (resource.values() == null) {
                    if (!quiet) {
                        notices.add(Notice.info(input.input().path(), resource.address() + " is being "
                                + resource.change().label() + "d; it is not analysed"));
                    }
                    continue;
                }
                TaskDefinition definition = taskDefinition(resource, index, roleBuilder);
                // a container list roleplan could not fully read must be said, not silently analysed as fewer containers
                definition.problems().forEach(problem -> notices.add(Notice.warning(input.input().path(),
                        definition.address() + ": " + problem)));
                if (!quiet && definition.problems().isEmpty() && definition.containers() instanceof Value.Unknown<?> unknown) {
                    // rules about what the containers use skip this task definition: say so (once: a list that
                    // could not be read is in the warnings above already)
                    notices.add(Notice.info(input.input().path(), definition.address() + ": " + unknown.reason()
                            + "; what its containers use is not checked"));
                }
                here.add(definition);
            }
            taskDefinitions.addAll(here);
            for (Resource service : index.managed("aws_ecs_service")) {
                if (service.values() != null) {
                    services.add(service(service, index));
                }
            }
        }
        taskDefinitions.sort(Comparator.comparing(TaskDefinition::address));
        roles.sort(Comparator.comparing(Role::address));
        services.sort(Comparator.comparing(EcsService::address));
        return new Model(infos, taskDefinitions, roles, services, context(contexts, roles), notices, sensitive,
                storedSecrets, null);
    }

    /** The input as it was before the change: resources with prior values only. */
    private static Infrastructure beforeView(Infrastructure input) {
        List<Resource> resources = new ArrayList<>();
        for (Resource r : input.resources()) {
            if (r.before() != null) {
                resources.add(new Resource(r.address(), r.mode(), r.type(), r.name(), r.before(), null,
                        ChangeAction.NONE, r.references(), r.location()));
            }
        }
        return new Infrastructure(input.input(), resources, input.context(), List.of(), input.sensitiveValues(),
                input.statementLocations());
    }

    // ---- task definitions ------------------------------------------------------------------------

    private TaskDefinition taskDefinition(Resource resource, InputIndex index, RoleBuilder roles) {
        List<String> problems = new ArrayList<>();
        Value<List<ContainerDefinition>> containers = containers(resource, problems);
        RoleRef execution = roleRef(resource, RoleKind.EXECUTION, index, roles);
        RoleRef task = roleRef(resource, RoleKind.TASK, index, roles);
        for (RoleKind kind : List.of(RoleKind.EXECUTION, RoleKind.TASK)) {
            Object value = resource.value(kind.attribute());
            if (value != null && !(value instanceof String) && !(value instanceof UnknownValue)) {
                problems.add(kind.attribute() + " is " + typeName(value) + ", not a role ARN or name; read as not set");
            }
        }
        return new TaskDefinition(resource.address(), resource.string("family"), containers, volumes(resource),
                execution, task, resource.change(), resource.location(), problems);
    }

    private static Value<List<ContainerDefinition>> containers(Resource resource, List<String> problems) {
        Object value = resource.value("container_definitions");
        if (value == null) {
            return Value.absent();
        }
        if (value instanceof UnknownValue unknown) {
            List<Reference> references = Values.referencesOf(resource, "container_definitions", unknown);
            return Value.unknown("container_definitions is known only after apply"
                    + (references.isEmpty() ? "" : " (computed from " + Values.describe(references) + ")"), references);
        }
        ContainerDefinitionsParser.Result result = ContainerDefinitionsParser.parseValue(value);
        problems.addAll(result.problems());
        if (result.containers().isEmpty() && !result.problems().isEmpty()) {
            return Value.unknown("container_definitions could not be read: " + String.join("; ", result.problems()));
        }
        return Value.known(result.containers());
    }

    private static String typeName(Object value) {
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        return value instanceof Map<?, ?> ? "an object" : "a list";
    }

    private static List<Volume> volumes(Resource resource) {
        List<Volume> volumes = new ArrayList<>();
        for (Object element : Values.list(resource.value("volume"))) {
            Map<String, Object> volume = Values.map(element);
            if (volume == null) {
                continue;
            }
            Map<String, Object> efs = Values.firstBlock(volume, "efs_volume_configuration");
            Volume.EfsVolume efsVolume = null;
            if (efs != null) {
                Map<String, Object> authorization = Values.firstBlock(efs, "authorization_config");
                efsVolume = new Volume.EfsVolume(
                        stringValue(efs.get("file_system_id")),
                        Values.knownString(efs.get("root_directory")),
                        "ENABLED".equals(efs.get("transit_encryption")),
                        authorization != null && "ENABLED".equals(authorization.get("iam")),
                        authorization == null ? Value.absent() : stringValue(authorization.get("access_point_id")));
            }
            volumes.add(new Volume(Values.knownString(volume.get("name")), efsVolume));
        }
        return volumes;
    }

    private static Value<String> stringValue(Object value) {
        if (value instanceof UnknownValue u) {
            return Value.unknown(u.reason(), u.references());
        }
        String text = Values.knownString(value);
        return text == null ? Value.absent() : Value.known(text);
    }

    // ---- roles -----------------------------------------------------------------------------------

    private static RoleRef roleRef(Resource taskDefinition, RoleKind kind, InputIndex index, RoleBuilder roles) {
        String attribute = kind.attribute();
        Object value = taskDefinition.value(attribute);
        String known = Values.knownString(value);
        if (known != null) {
            return byKnownText(kind, known, index, roles);
        }
        if (value instanceof UnknownValue unknown) {
            return byReferences(kind, attribute, Values.referencesOf(taskDefinition, attribute, unknown), index, roles);
        }
        return RoleRef.absent(kind);
    }

    private static RoleRef byKnownText(RoleKind kind, String text, InputIndex index, RoleBuilder roles) {
        Resource role = index.roleByArnOrName(text);
        if (role != null) {
            return RoleRef.resolved(kind, roles.role(role));
        }
        boolean isArn = text.startsWith("arn:");
        Resource looked = isArn ? index.dataRoleByArn(text) : null;
        String reason = looked != null
                ? text + " is looked up by " + looked.address() + ", not defined in this input"
                : (isArn ? text : "role name \"" + text + "\"") + " is not defined in this input";
        return new RoleRef(kind, RoleStatus.EXTERNAL, null, isArn ? text : arnOfName(text, index), reason);
    }

    /** ECS takes a bare role name in the task's own account: its ARN when the input tells the account, else null. */
    private static String arnOfName(String name, InputIndex index) {
        AccountContext context = index.input().context();
        String account = context.account().orNull();
        if (account == null || name.contains(":") || name.contains("/")) {
            return null;
        }
        String partition = context.partition().orNull();
        return "arn:" + (partition == null ? "aws" : partition) + ":iam::" + account + ":role/" + name;
    }

    private static RoleRef byReferences(RoleKind kind, String attribute, List<Reference> references, InputIndex index,
                                        RoleBuilder roles) {
        // by address, not by the record's equality: that would hash each role's whole values and before trees
        Map<Address, Resource> candidates = new LinkedHashMap<>();
        List<RoleRef> external = new ArrayList<>();
        List<Reference> unfollowable = new ArrayList<>();
        List<Reference> other = new ArrayList<>();
        for (Reference reference : references) {
            if (!reference.isFollowable()) {
                unfollowable.add(reference);
                continue;
            }
            Resource target = index.get(reference.target());
            if (target == null || !target.type().equals("aws_iam_role")) {
                other.add(reference);
            } else if (!target.isData()) {
                candidates.putIfAbsent(target.address(), target);
            } else {
                external.add(fromDataRole(kind, target, index, roles));
            }
        }
        for (RoleRef ref : external) {
            if (ref.isResolved()) {
                candidates.putIfAbsent(ref.role().address(), index.get(ref.role().address()));
            }
        }
        if (candidates.size() == 1) {
            return RoleRef.resolved(kind, roles.role(candidates.values().iterator().next()));
        }
        if (candidates.size() > 1) {
            List<String> names = candidates.keySet().stream().map(Address::text).sorted().toList();
            return new RoleRef(kind, RoleStatus.UNKNOWN, null, null, attribute + " could be any of "
                    + String.join(", ", names) + "; the configuration does not say which");
        }
        if (external.size() == 1) {
            return external.get(0);
        }
        if (!unfollowable.isEmpty()) {
            return new RoleRef(kind, RoleStatus.UNKNOWN, null, null, attribute + Values.unfollowable(unfollowable));
        }
        if (!other.isEmpty()) {
            return new RoleRef(kind, RoleStatus.UNKNOWN, null, null, attribute + " is computed from "
                    + Values.describe(other) + ", which is not an IAM role in this input");
        }
        return new RoleRef(kind, RoleStatus.UNKNOWN, null, null, attribute
                + " is known only after apply and the input records no reference for it");
    }

    /** A {@code data.aws_iam_role} lookup: resolved when the role it finds is defined in the input. */
    private static RoleRef fromDataRole(RoleKind kind, Resource data, InputIndex index, RoleBuilder roles) {
        String arn = Values.knownString(data.value("arn"));
        String name = Values.knownString(data.value("name"));
        Resource role = arn != null ? index.roleByArnOrName(arn) : null;
        if (role == null && name != null) {
            role = index.roleByName(name);
        }
        if (role != null) {
            return RoleRef.resolved(kind, roles.role(role));
        }
        String named = arn != null ? arn : name != null ? "role \"" + name + "\"" : "a role";
        return new RoleRef(kind, RoleStatus.EXTERNAL, null, arn,
                named + " is looked up by " + data.address() + ", not defined in this input");
    }

    // ---- services and context --------------------------------------------------------------------

    private static EcsService service(Resource service, InputIndex index) {
        Object value = service.value("task_definition");
        Value<String> text = stringValue(value);
        Address linked = null;
        String known = text.orNull();
        if (known != null) {
            linked = taskDefinitionByText(known, index);
        }
        if (linked == null) {
            for (Reference reference : Values.referencesOf(service, "task_definition", value)) {
                Resource target = reference.isFollowable() ? index.get(reference.target()) : null;
                if (target != null && target.type().equals("aws_ecs_task_definition")) {
                    linked = target.address();
                    break;
                }
            }
        }
        boolean execute = Boolean.TRUE.equals(service.value("enable_execute_command"));
        return new EcsService(service.address(), linked, text, execute, service.location());
    }

    /** A task definition named by ARN ({@code ...:task-definition/family:3}), {@code family:revision} or family. */
    private static Address taskDefinitionByText(String text, InputIndex index) {
        String family = text;
        int slash = family.lastIndexOf('/');
        if (family.startsWith("arn:") && slash >= 0) {
            family = family.substring(slash + 1);
        }
        int colon = family.indexOf(':');
        if (colon >= 0) {
            family = family.substring(0, colon);
        }
        for (Resource taskDefinition : index.managed("aws_ecs_task_definition")) {
            if (text.equals(Values.knownString(taskDefinition.value("arn")))
                    || text.equals(Values.knownString(taskDefinition.value("arn_without_revision")))
                    || family.equals(Values.knownString(taskDefinition.value("family")))) {
                return taskDefinition.address();
            }
        }
        return null;
    }

    /** The first known region, account and partition; account and partition also from known role ARNs. */
    private static AccountContext context(List<AccountContext> contexts, List<Role> roles) {
        Value<String> region = Value.absent();
        Value<String> account = Value.absent();
        Value<String> partition = Value.absent();
        for (AccountContext context : contexts) {
            region = better(region, context.region());
            account = better(account, context.account());
            partition = better(partition, context.partition());
        }
        for (Role role : roles) {
            String arn = role.arn().orNull();
            String[] parts = arn == null ? new String[0] : arn.split(":", 6);
            if (parts.length == 6 && !parts[4].isEmpty()) {
                account = better(account, Value.known(parts[4]));
                partition = better(partition, Value.known(parts[1]));
            }
        }
        return new AccountContext(region, account, partition);
    }

    private static Value<String> better(Value<String> current, Value<String> candidate) {
        if (current.isKnown() || candidate == null) {
            return current;
        }
        if (candidate.isKnown() || (current.isAbsent() && candidate.isUnknown())) {
            return candidate;
        }
        return current;
    }
}
