package dev.roleplan.ecs;

import dev.roleplan.model.AccountContext;
import dev.roleplan.model.ContainerDefinition;
import dev.roleplan.model.ContainerDefinition.EnvironmentFile;
import dev.roleplan.model.ContainerDefinition.LogConfiguration;
import dev.roleplan.model.ContainerDefinition.MountPoint;
import dev.roleplan.model.ContainerDefinition.Secret;
import dev.roleplan.model.EcsService;
import dev.roleplan.model.Model;
import dev.roleplan.model.Reference;
import dev.roleplan.model.RoleKind;
import dev.roleplan.model.StoredSecret;
import dev.roleplan.model.TaskDefinition;
import dev.roleplan.model.Value;
import dev.roleplan.model.Volume;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a task definition needs from its execution role and its task role, derived from its containers,
 * volumes and the services that run it (the tables of RULES.md, RP2xx). Region and account come from the
 * input; when it does not tell them the requirement says so rather than guessing.
 */
public final class Requirements {

    static final List<String> ECR_PULL_ACTIONS = List.of(
            "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage");
    static final List<String> EXECUTE_COMMAND_ACTIONS = List.of(
            "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
            "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel");

    private final TaskDefinition td;
    private final TaskPlace place;
    private final List<StoredSecret> stored;
    private final Set<Requirement> out = new LinkedHashSet<>();
    private final List<String> notes = new ArrayList<>();

    private Requirements(TaskDefinition td, AccountContext context, List<StoredSecret> stored) {
        this.td = td;
        this.place = TaskPlace.of(td, context);
        this.stored = stored == null ? List.of() : stored;
    }

    /** The requirements and what could not be derived (e.g. a secret whose service the input does not tell). */
    public record Derivation(List<Requirement> requirements, List<String> notes) {
        public Derivation {
            requirements = List.copyOf(requirements);
            notes = List.copyOf(notes);
        }

        public List<Requirement> of(RoleKind role) {
            return requirements.stream().filter(r -> r.role() == role).toList();
        }
    }

    public static List<Requirement> derive(TaskDefinition td, List<EcsService> services, AccountContext context) {
        return analyse(td, services, context, List.of()).requirements();
    }

    /** With the model's services, account context and stored secrets (for the KMS keys). */
    public static Derivation analyse(TaskDefinition td, Model model) {
        return analyse(td, model.services(), model.context(), model.storedSecrets());
    }

    public static Derivation analyse(TaskDefinition td, List<EcsService> services, AccountContext context,
                                     List<StoredSecret> storedSecrets) {
        Requirements r = new Requirements(td, context, storedSecrets);
        for (ContainerDefinition c : td.knownContainers()) {
            r.image(c);
            r.logs(c);
            r.secrets(c);
            r.registryCredentials(c);
            r.environmentFiles(c);
        }
        r.efs();
        r.executeCommand(services == null ? List.of() : services);
        return new Derivation(List.copyOf(r.out), r.notes);
    }

    // ---- execution role -------------------------------------------------------------------------------------

    private void image(ContainerDefinition c) {
        String image = c.image();
        EcrImage ecr = EcrImage.parse(image);
        String repository;
        String reason = null;
        if (ecr != null) {
            repository = ecr.repositoryArn();
        } else {
            String ref = leadingReference(image);
            if (ref == null || !Arns.referenceType(ref).endsWith("aws_ecr_repository") || !ref.endsWith(".repository_url")) {
                if (image != null && image.contains("${")) {
                    // an image known only after apply (read from an SSM parameter, say) may be in private ECR: say so, not guess
                    notes.add("container \"" + c.name() + "\", image: " + image + " is known only after apply; cannot tell "
                            + "whether it is pulled from a private ECR repository");
                }
                return; // public.ecr.aws, Docker Hub and other registries need no role (credentials come below)
            }
            repository = "${" + Arns.referenceTarget(ref) + ".arn}";
            reason = "the repository URL is known only after apply";
        }
        add(RequirementKind.ECR_AUTH, "ecr:GetAuthorizationToken", "*", c, "image", "authenticate to ECR for image " + image, null);
        for (String action : ECR_PULL_ACTIONS) {
            add(RequirementKind.ECR_PULL, action, repository, c, "image", "pull image " + image, reason);
        }
    }

    private void logs(ContainerDefinition c) {
        LogConfiguration log = c.logConfiguration();
        if (log == null || !"awslogs".equals(log.logDriver())) {
            addSecretOptions(c, log);
            return;
        }
        String group = log.options().get("awslogs-group");
        if (group == null || group.isEmpty()) {
            notes.add("container \"" + c.name() + "\" uses awslogs without awslogs-group: ECS rejects such a task definition");
            addSecretOptions(c, log);
            return;
        }
        String region = log.options().get("awslogs-region");
        boolean regionFromTask = region == null || region.isEmpty();
        if (regionFromTask) {
            region = place.region();
        }
        String resource = "arn:" + place.partition() + ":logs:" + region + ":" + place.account() + ":log-group:" + group + ":*";
        String reason = place.reason(regionFromTask, true);
        String field = "logConfiguration.options.awslogs-group";
        add(RequirementKind.LOGS, "logs:CreateLogStream", resource, c, field, "send logs to log group " + group, reason);
        add(RequirementKind.LOGS, "logs:PutLogEvents", resource, c, field, "send logs to log group " + group, reason);
        if ("true".equalsIgnoreCase(log.options().get("awslogs-create-group"))) {
            add(RequirementKind.LOG_GROUP_CREATION, "logs:CreateLogGroup", resource, c,
                    "logConfiguration.options.awslogs-create-group", "create log group " + group, reason);
        }
        addSecretOptions(c, log);
    }

    private void addSecretOptions(ContainerDefinition c, LogConfiguration log) {
        if (log == null) {
            return;
        }
        for (Secret s : log.secretOptions()) {
            secret(c, s, "logConfiguration.secretOptions[" + s.name() + "].valueFrom");
        }
    }

    private void secrets(ContainerDefinition c) {
        for (Secret s : c.secrets()) {
            secret(c, s, "secrets[" + s.name() + "].valueFrom");
        }
    }

    private void secret(ContainerDefinition c, Secret s, String field) {
        SecretSource source = SecretSource.parse(s.valueFrom(), place, stored);
        if (source == null) {
            notes.add("container \"" + c.name() + "\", " + field + ": cannot tell whether " + s.valueFrom()
                    + " is a Secrets Manager secret or an SSM parameter");
            return;
        }
        if (source.store() == StoredSecret.Store.SECRETS_MANAGER) {
            add(RequirementKind.SECRET, "secretsmanager:GetSecretValue", source.resource(), c, field,
                    "read secret " + s.name(), source.unknownReason());
        } else {
            add(RequirementKind.PARAMETER, "ssm:GetParameters", source.resource(), c, field,
                    "read parameter " + s.name(), source.unknownReason());
        }
        kms(c, field, source);
    }

    private void registryCredentials(ContainerDefinition c) {
        String parameter = c.repositoryCredentialsParameter();
        if (parameter == null || parameter.isEmpty()) {
            return;
        }
        String field = "repositoryCredentials.credentialsParameter";
        SecretSource source = SecretSource.parse(parameter, place, stored);
        if (source == null || source.store() != StoredSecret.Store.SECRETS_MANAGER) {
            notes.add("container \"" + c.name() + "\", " + field + ": " + parameter
                    + " is not a Secrets Manager secret ARN, which ECS requires here");
            return;
        }
        add(RequirementKind.REGISTRY_CREDENTIALS, "secretsmanager:GetSecretValue", source.resource(), c, field,
                "read registry credentials for image " + c.image(), source.unknownReason());
        kms(c, field, source);
    }

    private void kms(ContainerDefinition c, String field, SecretSource source) {
        if (source.stored() == null) {
            return;
        }
        KmsKey key = KmsKey.of(source.stored(), source.region(), source.account(), place.partition());
        if (key != null) {
            add(RequirementKind.KMS, "kms:Decrypt", key.resource(), c, field,
                    "decrypt " + source.stored().address() + " with its KMS key", key.unknownReason());
        }
    }

    private void environmentFiles(ContainerDefinition c) {
        List<EnvironmentFile> files = c.environmentFiles();
        for (int i = 0; i < files.size(); i++) {
            EnvironmentFile f = files.get(i);
            String field = "environmentFiles[" + i + "].value";
            if (f.type() != null && !"s3".equalsIgnoreCase(f.type())) {
                notes.add("container \"" + c.name() + "\", " + field + ": type " + f.type() + " is not s3");
                continue;
            }
            S3Object object = S3Object.parse(f.value(), place.partition());
            if (object == null) {
                notes.add("container \"" + c.name() + "\", " + field + ": " + f.value() + " is not an S3 object ARN");
                continue;
            }
            add(RequirementKind.ENVIRONMENT_FILE, "s3:GetObject", object.objectArn(), c, field,
                    "read environment file " + f.value(), object.unknownReason());
            add(RequirementKind.ENVIRONMENT_FILE_BUCKET, "s3:GetBucketLocation", object.bucketArn(), c, field,
                    "locate the bucket of environment file " + f.value(), object.bucketUnknownReason());
        }
    }

    // ---- task role ------------------------------------------------------------------------------------------

    private void efs() {
        for (Volume v : td.volumes()) {
            if (v.efs() == null || !v.efs().iamAuthorization()) {
                continue;
            }
            String[] fs = fileSystemArn(v.efs().fileSystemId());
            for (ContainerDefinition c : td.knownContainers()) {
                boolean mounted = false;
                boolean writable = false;
                for (MountPoint m : c.mountPoints()) {
                    if (m.sourceVolume().equals(v.name())) {
                        mounted = true;
                        writable |= !m.readOnly();
                    }
                }
                if (!mounted) {
                    continue;
                }
                String field = "mountPoints[" + v.name() + "]";
                add(RequirementKind.EFS, "elasticfilesystem:ClientMount", fs[0], c, field,
                        "mount EFS volume " + v.name(), fs[1]);
                if (writable) {
                    add(RequirementKind.EFS, "elasticfilesystem:ClientWrite", fs[0], c, field,
                            "write to EFS volume " + v.name(), fs[1]);
                }
            }
        }
    }

    /** The file system's ARN and the reason it is not fully known (or null). */
    private String[] fileSystemArn(Value<String> id) {
        String prefix = "arn:" + place.partition() + ":elasticfilesystem:" + place.region() + ":" + place.account()
                + ":file-system/";
        String known = id.orNull();
        String reference = known != null ? Arns.soleReference(known) : null;
        if (known != null && reference == null) {
            return new String[] {prefix + known, place.reason(true, true)};
        }
        if (reference == null && id instanceof Value.Unknown<String> u && !u.references().isEmpty()) {
            reference = u.references().get(0).toString();
        }
        if (reference != null && Arns.referenceType(reference).endsWith("aws_efs_file_system")) {
            return new String[] {"${" + Arns.referenceTarget(reference) + ".arn}", "the file system is created on apply"};
        }
        String why = id instanceof Value.Unknown<String> u ? u.reason() : "the file system id is not set";
        return new String[] {prefix + (reference != null ? "${" + reference + "}" : "${unknown:file-system}"),
                "the file system id is known only after apply (" + why + ")"};
    }

    private void executeCommand(List<EcsService> services) {
        for (EcsService s : services) {
            if (!s.enableExecuteCommand() || s.taskDefinition() == null || !s.taskDefinition().equals(td.address())) {
                continue;
            }
            for (String action : EXECUTE_COMMAND_ACTIONS) {
                out.add(new Requirement(RoleKind.TASK, RequirementKind.EXECUTE_COMMAND, action, "*", null,
                        s.address() + ".enable_execute_command", "open ECS Exec sessions (" + s.address() + ")", null));
            }
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private void add(RequirementKind kind, String action, String resource, ContainerDefinition c, String field,
                     String why, String unknownReason) {
        String reason = unknownReason;
        if (reason == null && resource.contains("${")) {
            reason = "part of the resource is known only after apply";
        }
        out.add(new Requirement(kind.role(), kind, action, resource, c.name(), field, why, reason));
    }

    /** The reference a text starts with ({@code ${aws_ecr_repository.app.repository_url}:v1}), or null. */
    static String leadingReference(String text) {
        if (text == null || !text.startsWith("${")) {
            return null;
        }
        int end = text.indexOf('}');
        return end < 0 ? null : text.substring(2, end).trim();
    }

    /** The first reference of an unknown value, as text, or null. */
    static String firstReference(Value<String> v) {
        if (v instanceof Value.Unknown<String> u && !u.references().isEmpty()) {
            Reference r = u.references().get(0);
            return r.toString();
        }
        return null;
    }
}
