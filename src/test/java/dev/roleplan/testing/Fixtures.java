package dev.roleplan.testing;

import dev.roleplan.engine.Engine;
import dev.roleplan.engine.Finding;
import dev.roleplan.engine.Rule;
import dev.roleplan.iam.PolicyParser;
import dev.roleplan.model.AccountContext;
import dev.roleplan.model.Address;
import dev.roleplan.model.AttachedPolicy;
import dev.roleplan.model.ChangeAction;
import dev.roleplan.model.ContainerDefinition;
import dev.roleplan.model.EcsService;
import dev.roleplan.model.InputInfo;
import dev.roleplan.model.Model;
import dev.roleplan.model.PolicySource;
import dev.roleplan.model.Role;
import dev.roleplan.model.RoleKind;
import dev.roleplan.model.RoleRef;
import dev.roleplan.model.RoleStatus;
import dev.roleplan.model.StoredSecret;
import dev.roleplan.model.SourceLocation;
import dev.roleplan.model.TaskDefinition;
import dev.roleplan.model.Value;
import dev.roleplan.model.Volume;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds small models for rule tests, so a test reads as input beside expected findings. Findings are
 * compared as one line each: {@code RULE severity td | kind role | policy | statement}.
 */
public final class Fixtures {

    public static final String ECS_TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private Fixtures() {
    }

    public static RoleBuilder role(String address) {
        return new RoleBuilder(address);
    }

    public static TaskDefinitionBuilder taskDefinition(String address) {
        return new TaskDefinitionBuilder(address);
    }

    public static ContainerBuilder container(String name) {
        return new ContainerBuilder(name);
    }

    /** A model with account context, services and stored secrets; see {@link SceneBuilder}. */
    public static SceneBuilder scene() {
        return new SceneBuilder();
    }

    public static Model model(TaskDefinitionBuilder... tds) {
        return scene().build(tds);
    }

    private static Model model(AccountContext context, List<EcsService> services, List<StoredSecret> stored,
                               Set<String> sensitive, TaskDefinitionBuilder... tds) {
        List<TaskDefinition> list = new ArrayList<>();
        List<Role> roles = new ArrayList<>();
        for (TaskDefinitionBuilder b : tds) {
            TaskDefinition td = b.build();
            list.add(td);
            for (RoleKind k : RoleKind.values()) {
                Role r = td.role(k).role();
                if (r != null && !roles.contains(r)) {
                    roles.add(r);
                }
            }
        }
        return new Model(List.of(new InputInfo("test.json", "plan", "1.9.5", "1.2")), list, roles, services,
                context, List.of(), sensitive, stored, null);
    }

    /** The after model of a plan whose prior values give {@code before} (RP701, roleplan diff). */
    public static Model change(Model before, Model after) {
        return new Model(after.inputs(), after.taskDefinitions(), after.roles(), after.services(), after.context(),
                after.notices(), after.sensitiveValues(), after.storedSecrets(), before);
    }

    /** Runs rules over the model and renders each finding as one comparable line. */
    public static List<String> findings(Model model, Rule... rules) {
        return new Engine(List.of(rules)).run(model).stream().map(Fixtures::line).toList();
    }

    public static String line(Finding f) {
        return f.rule().id() + " " + f.severity().label() + " " + f.taskDefinition()
                + " | " + (f.roleKind() == null ? "-" : f.roleKind().label()) + " " + (f.role() == null ? "-" : f.role())
                + " | " + (f.policy() == null ? "-" : f.policy())
                + " | " + (f.statement() == null ? "-" : f.statement());
    }

    public static final class RoleBuilder {
        private final String address;
        private String arn;
        private Value<dev.roleplan.model.PolicyDocument> trust = Value.known(PolicyParser.parse(ECS_TRUST));
        private final List<AttachedPolicy> policies = new ArrayList<>();
        private AttachedPolicy boundary;
        private SourceLocation location;
        private Role built;

        RoleBuilder(String address) {
            this.address = address;
            String name = address.substring(address.lastIndexOf('.') + 1);
            this.arn = "arn:aws:iam::123456789012:role/" + name;
        }

        public RoleBuilder arn(String value) {
            this.arn = value;
            return this;
        }

        public RoleBuilder trust(String json) {
            this.trust = Value.known(PolicyParser.parse(json));
            return this;
        }

        public RoleBuilder unknownTrust(String reason) {
            this.trust = Value.unknown(reason);
            return this;
        }

        /** An aws_iam_role_policy with this address and document. */
        public RoleBuilder inline(String policyAddress, String json) {
            policies.add(new AttachedPolicy(policyAddress, PolicySource.ROLE_POLICY, Address.of(policyAddress), null, null,
                    null, Value.known(PolicyParser.parse(json)), null));
            return this;
        }

        public RoleBuilder attached(String policyAddress, String json) {
            policies.add(new AttachedPolicy(policyAddress, PolicySource.CUSTOMER_MANAGED, Address.of(policyAddress),
                    Address.of(policyAddress + "_attachment"), null, null, Value.known(PolicyParser.parse(json)), null));
            return this;
        }

        /** An aws_iam_role_policy declared at file:line (HCL input). */
        public RoleBuilder inlineAt(String policyAddress, String json, String file, int line) {
            policies.add(new AttachedPolicy(policyAddress, PolicySource.ROLE_POLICY, Address.of(policyAddress), null, null,
                    null, Value.known(PolicyParser.parse(json)), new SourceLocation(file, line)));
            return this;
        }

        public RoleBuilder at(String file, int line) {
            this.location = new SourceLocation(file, line);
            return this;
        }

        public RoleBuilder managed(String arn, String jsonOrNull) {
            policies.add(new AttachedPolicy(arn, PolicySource.AWS_MANAGED, null, null, arn,
                    arn.substring(arn.lastIndexOf('/') + 1),
                    jsonOrNull == null ? Value.absent() : Value.known(PolicyParser.parse(jsonOrNull)), null));
            return this;
        }

        public RoleBuilder unknownPolicy(String policyAddress, String reason) {
            policies.add(new AttachedPolicy(policyAddress, PolicySource.ROLE_POLICY, Address.of(policyAddress), null, null,
                    null, Value.unknown(reason), null));
            return this;
        }

        public RoleBuilder boundary(String id, String json) {
            boundary = new AttachedPolicy(id, PolicySource.BOUNDARY, null, null, id, null,
                    Value.known(PolicyParser.parse(json)), null);
            return this;
        }

        public Role build() {
            if (built == null) {
                String name = arn == null ? null : arn.substring(arn.lastIndexOf('/') + 1);
                built = new Role(Address.of(address), Value.ofNullable(name), Value.ofNullable(arn), trust, policies,
                        boundary, location);
            }
            return built;
        }
    }

    /** The model around task definitions: region, account, services, stored secrets, sensitive values. */
    public static final class SceneBuilder {
        private Value<String> region = Value.absent();
        private Value<String> account = Value.absent();
        private final List<EcsService> services = new ArrayList<>();
        private final List<StoredSecret> stored = new ArrayList<>();
        private final Set<String> sensitive = new java.util.TreeSet<>();

        public SceneBuilder region(String value) {
            region = Value.known(value);
            return this;
        }

        public SceneBuilder account(String value) {
            account = Value.known(value);
            return this;
        }

        /** An aws_ecs_service running the task definition at {@code taskDefinition}. */
        public SceneBuilder service(String address, String taskDefinition, boolean enableExecuteCommand) {
            services.add(new EcsService(Address.of(address), Address.of(taskDefinition), Value.absent(),
                    enableExecuteCommand, null));
            return this;
        }

        public SceneBuilder secret(String address, String name, String arn, String kmsKey) {
            stored.add(new StoredSecret(Address.of(address), StoredSecret.Store.SECRETS_MANAGER, Value.ofNullable(arn),
                    Value.ofNullable(name), Value.ofNullable(kmsKey)));
            return this;
        }

        public SceneBuilder parameter(String address, String name, String kmsKey) {
            stored.add(new StoredSecret(Address.of(address), StoredSecret.Store.SSM_PARAMETER, Value.absent(),
                    Value.ofNullable(name), Value.ofNullable(kmsKey)));
            return this;
        }

        public SceneBuilder stored(StoredSecret s) {
            stored.add(s);
            return this;
        }

        public SceneBuilder sensitive(String value) {
            sensitive.add(value);
            return this;
        }

        public AccountContext context() {
            return new AccountContext(region, account, Value.absent());
        }

        public Model build(TaskDefinitionBuilder... tds) {
            return model(context(), services, stored, sensitive, tds);
        }
    }

    /** A container definition; every list empty until added. */
    public static final class ContainerBuilder {
        private final String name;
        private String image = "nginx:1.27";
        private ContainerDefinition.LogConfiguration log;
        private final List<ContainerDefinition.Secret> secrets = new ArrayList<>();
        private final List<ContainerDefinition.EnvironmentVariable> environment = new ArrayList<>();
        private final List<ContainerDefinition.EnvironmentFile> files = new ArrayList<>();
        private final List<Object> mountPoints = new ArrayList<>();
        private String credentials;

        ContainerBuilder(String name) {
            this.name = name;
        }

        public ContainerBuilder image(String value) {
            image = value;
            return this;
        }

        /** logConfiguration with the given driver and options given as key, value, key, value... */
        public ContainerBuilder log(String driver, String... options) {
            java.util.Map<String, String> map = new java.util.TreeMap<>();
            for (int i = 0; i + 1 < options.length; i += 2) {
                map.put(options[i], options[i + 1]);
            }
            log = new ContainerDefinition.LogConfiguration(driver, map, List.of());
            return this;
        }

        public ContainerBuilder awslogs(String group, String region) {
            return log("awslogs", "awslogs-group", group, "awslogs-region", region, "awslogs-stream-prefix", "ecs");
        }

        public ContainerBuilder secret(String variable, String valueFrom) {
            secrets.add(new ContainerDefinition.Secret(variable, valueFrom));
            return this;
        }

        public ContainerBuilder env(String variable, String value) {
            environment.add(new ContainerDefinition.EnvironmentVariable(variable, value));
            return this;
        }

        public ContainerBuilder environmentFile(String objectArn) {
            files.add(new ContainerDefinition.EnvironmentFile("s3", objectArn));
            return this;
        }

        public ContainerBuilder repositoryCredentials(String secretArn) {
            credentials = secretArn;
            return this;
        }

        public ContainerBuilder mount(String volume, String path, boolean readOnly) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("sourceVolume", volume);
            m.put("containerPath", path);
            m.put("readOnly", readOnly);
            mountPoints.add(m);
            return this;
        }

        public ContainerDefinition build() {
            java.util.Map<String, Object> other = new java.util.TreeMap<>();
            if (!mountPoints.isEmpty()) {
                other.put("mountPoints", List.copyOf(mountPoints));
            }
            return new ContainerDefinition(name, image, true, false, log, secrets, environment, files, credentials, other);
        }
    }

    public static final class TaskDefinitionBuilder {
        private final String address;
        private final List<Volume> volumes = new ArrayList<>();
        private RoleRef exec = RoleRef.absent(RoleKind.EXECUTION);
        private RoleRef task = RoleRef.absent(RoleKind.TASK);
        private final List<ContainerDefinition> containers = new ArrayList<>();
        private SourceLocation location;
        private String family;

        TaskDefinitionBuilder(String address) {
            this.address = address;
        }

        public TaskDefinitionBuilder execution(RoleBuilder role) {
            exec = RoleRef.resolved(RoleKind.EXECUTION, role.build());
            return this;
        }

        public TaskDefinitionBuilder task(RoleBuilder role) {
            task = RoleRef.resolved(RoleKind.TASK, role.build());
            return this;
        }

        public TaskDefinitionBuilder executionRef(RoleStatus status, String arn, String reason) {
            exec = new RoleRef(RoleKind.EXECUTION, status, null, arn, reason);
            return this;
        }

        public TaskDefinitionBuilder taskRef(RoleStatus status, String arn, String reason) {
            task = new RoleRef(RoleKind.TASK, status, null, arn, reason);
            return this;
        }

        public TaskDefinitionBuilder at(String file, int line) {
            this.location = new SourceLocation(file, line);
            return this;
        }

        public TaskDefinitionBuilder family(String name) {
            this.family = name;
            return this;
        }

        public TaskDefinitionBuilder container(ContainerDefinition c) {
            containers.add(c);
            return this;
        }

        public TaskDefinitionBuilder container(ContainerBuilder c) {
            return container(c.build());
        }

        /** An EFS volume; {@code fileSystemId} may be a {@code ${...}} reference. */
        public TaskDefinitionBuilder efsVolume(String name, String fileSystemId, boolean iamAuthorization) {
            volumes.add(new Volume(name, new Volume.EfsVolume(Value.known(fileSystemId), "/", true, iamAuthorization,
                    Value.absent())));
            return this;
        }

        public TaskDefinitionBuilder volume(Volume v) {
            volumes.add(v);
            return this;
        }

        public TaskDefinition build() {
            String name = family != null ? family : address.substring(address.lastIndexOf('.') + 1);
            return new TaskDefinition(Address.of(address), Value.known(name), Value.known(List.copyOf(containers)),
                    volumes, exec, task, ChangeAction.CREATE, location, List.of());
        }
    }
}
