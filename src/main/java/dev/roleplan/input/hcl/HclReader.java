package dev.roleplan.input.hcl;

import dev.roleplan.input.InputException;
import dev.roleplan.input.InputLimits;
import dev.roleplan.input.RelevantTypes;
import dev.roleplan.input.hcl.syntax.Block;
import dev.roleplan.input.hcl.syntax.HclSyntaxException;
import dev.roleplan.model.AccountContext;
import dev.roleplan.model.Address;
import dev.roleplan.model.ChangeAction;
import dev.roleplan.model.Infrastructure;
import dev.roleplan.model.InputInfo;
import dev.roleplan.model.Reference;
import dev.roleplan.model.Resource;
import dev.roleplan.model.SourceLocation;
import dev.roleplan.model.UnknownValue;
import dev.roleplan.model.Value;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a Terraform configuration directory (or one {@code .tf} file) into the same {@link Infrastructure}
 * the plan reader produces, evaluating it as {@code terraform plan} would on a first apply: configured
 * values known, computed ones unknown and referring to the resource attribute they come from. Every
 * resource carries its file (relative to the scanned directory) and line.
 */
public final class HclReader {

    /** Attributes the provider computes on create, marked unknown as a plan marks them. */
    private static final Map<String, List<String>> COMPUTED = Map.of(
            "aws_iam_role", List.of("arn", "id", "name", "unique_id"),
            "aws_iam_policy", List.of("arn", "id", "name", "policy_id"),
            "aws_iam_role_policy", List.of("id", "name"),
            "aws_ecs_task_definition", List.of("arn", "arn_without_revision", "id", "revision"));

    /** What the provider computes on create for a resource type (roleplan's short list; empty when not listed). */
    static List<String> computedAttributes(String type) {
        return COMPUTED.getOrDefault(type, List.of());
    }

    private final List<Path> varFiles;
    private final List<String> assignments;
    private final InputLimits limits;
    private final int instanceBudget;

    public HclReader() {
        this(List.of(), List.of());
    }

    /**
     * @param varFiles    {@code --var-file} files, read after terraform.tfvars and *.auto.tfvars, in order
     * @param assignments {@code --var NAME=VALUE}, applied last
     */
    public HclReader(List<Path> varFiles, List<String> assignments) {
        this(varFiles, assignments, InputLimits.defaults(), Session.MAX_INSTANCES_IN_ALL);
    }

    private HclReader(List<Path> varFiles, List<String> assignments, InputLimits limits, int instanceBudget) {
        this.varFiles = List.copyOf(varFiles);
        this.assignments = List.copyOf(assignments);
        this.limits = limits;
        this.instanceBudget = instanceBudget;
        for (int i = 0; i < assignments.size(); i++) {
            if (assignments.get(i).indexOf('=') <= 0) {
                // without a name before '=', the text may be the value alone, a secret: it is not repeated
                throw new InputException("--var (argument " + (i + 1) + ")", null, "expected NAME=VALUE");
            }
        }
    }

    /** This reader with these variable values instead of its own, and its limits. */
    public HclReader withVariables(List<Path> varFiles, List<String> assignments) {
        return new HclReader(varFiles, assignments, limits, instanceBudget);
    }

    /** This reader refusing any file larger than the limits allow, with its variable values. */
    public HclReader withLimits(InputLimits limits) {
        return new HclReader(varFiles, assignments, limits, instanceBudget);
    }

    /** This reader with another cap on count and for_each instances in all (tests: a small one). */
    HclReader withInstanceBudget(int instances) {
        return new HclReader(varFiles, assignments, limits, instances);
    }

    public Infrastructure read(Path path) {
        String shown = path.toString();
        if (!Files.exists(path)) {
            throw new InputException(shown, null, "no such file or directory");
        }
        boolean directory = Files.isDirectory(path);
        Path root = (directory ? path : path.toAbsolutePath().getParent()).toAbsolutePath().normalize();
        if (directory && ModuleConfig.files(path).isEmpty()) {
            throw new InputException(shown, null, "is a directory without .tf or .tf.json files; "
                    + "give the directory that holds the root module's configuration");
        }
        Session session = new Session(shown, new SourceFiles(directory ? path : path.getParent(), limits.maxInputBytes()),
                instanceBudget);
        // a syntax error is an InputException naming the file as the user finds it: each file's reader knows its name
        Loader loader = new Loader(root, session);
        ModuleConfig config = ModuleConfig.load(root, directory ? root : path.toAbsolutePath(), session);
        ModuleInstance rootInstance = loader.rootInstance(config);
        loader.readVariableFiles(root);
        for (Path file : varFiles) {
            loader.readVariableFile(file, file.toString(), file.toString());
        }
        for (String assignment : assignments) {
            int eq = assignment.indexOf('=');
            loader.assign(assignment.substring(0, eq), assignment.substring(eq + 1));
        }
        List<Resource> resources = resources(rootInstance);
        return new Infrastructure(new InputInfo(shown, "hcl", null, null, session.directives()), resources, context(loader),
                session.notices(), session.sensitiveValues(), session.statementLocations());
    }

    /** A configuration on standard input: one file, read from a temporary copy is not worth it; refused clearly. */
    public Infrastructure read(InputStream in, String displayName) {
        throw new InputException(displayName, null, "Terraform configuration is read from files and directories, not from standard input");
    }

    private static List<Resource> resources(ModuleInstance root) {
        List<ModuleInstance> instances = new ArrayList<>();
        root.collect(instances);
        Map<String, Resource> out = new TreeMap<>();
        for (ModuleInstance module : instances) {
            for (Map.Entry<String, Block> entry : module.config.resources.entrySet()) {
                Block block = entry.getValue();
                String type = block.labels().get(0).value();
                // other resources are evaluated only when referred to
                if (!RelevantTypes.ALL.contains(type)) {
                    continue;
                }
                for (ResourceInstance instance : module.instances(entry.getKey())) {
                    Resource resource = guarded(instance, module.loader.session);
                    if (resource != null) {
                        out.put(resource.address().text(), resource);
                    }
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    /**
     * A resource, or null with a notice when evaluating it fails in a way roleplan does not expect: one
     * construct it gets wrong must not stop the review of everything else, and must not pass silently.
     */
    private static Resource guarded(ResourceInstance instance, Session session) {
        try {
            return resource(instance);
        } catch (InputException | HclSyntaxException e) {
            throw e;
        } catch (RuntimeException e) {
            session.notice(instance.address() + " could not be evaluated (" + e.getClass().getSimpleName()
                    + " in roleplan's evaluator, please report it); it is not analysed");
            return null;
        }
    }

    private static Resource resource(ResourceInstance instance) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, List<Reference>> references = new TreeMap<>();
        for (Map.Entry<String, Object> attribute : instance.body().entrySet()) {
            Object value = toModel(roleArnText(attribute.getKey(), documentText(attribute.getKey(), attribute.getValue())));
            values.put(attribute.getKey(), value);
            Set<Reference> refs = new LinkedHashSet<>();
            Unknown.collect(attribute.getValue(), refs);
            if (!refs.isEmpty()) {
                references.put(attribute.getKey(), new ArrayList<>(refs));
            }
        }
        if (!instance.isData()) {
            for (String computed : computedAttributes(instance.type())) {
                values.putIfAbsent(computed, UnknownValue.of("known after apply"));
            }
        }
        Block block = instance.block();
        SourceLocation location = new SourceLocation(block.range().file(), block.range().line());
        return new Resource(Address.of(instance.address()), instance.isData() ? "data" : "managed", instance.type(),
                instance.name(), values, null, ChangeAction.CREATE, references, location);
    }

    /** Attributes holding a JSON document the resolver parses (policies, container definitions). */
    private static final Set<String> DOCUMENTS = Set.of("policy", "assume_role_policy", "container_definitions", "json");

    /**
     * A JSON document built with unknown string parts ({@code jsonencode} over {@code aws_s3_bucket.x.arn})
     * is kept as its text with {@code ${reference}} parts, as policies written before apply are read: the
     * known actions and resources stay known, and the evaluator treats the {@code ${...}} parts as unknown.
     */
    private static final java.util.regex.Pattern ROLE_ARN_WITH_KNOWN_NAME =
            java.util.regex.Pattern.compile("arn:[^:]*:iam::[^:]*:role/(?:[^$]|\\$(?!\\{))+");

    /**
     * A task definition's role ARN built from an unknown account or partition and a known role name
     * ({@code arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/app}) is kept as that text: the
     * plan knows the account by then, and the role's name, which is what identifies it in the input, is known.
     */
    private static Object roleArnText(String attribute, Object value) {
        if (value instanceof Unknown u && u.text() != null && ROLE_ATTRIBUTES.contains(attribute)
                && ROLE_ARN_WITH_KNOWN_NAME.matcher(u.text()).matches()) {
            return u.text();
        }
        return value;
    }

    private static final Set<String> ROLE_ATTRIBUTES = Set.of("execution_role_arn", "task_role_arn");

    private static Object documentText(String attribute, Object value) {
        if (value instanceof Unknown u && attribute != null && DOCUMENTS.contains(attribute) && u.text() != null) {
            String text = u.text().strip();
            if ((text.startsWith("{") || text.startsWith("[")) && Json.isJson(text)) {
                return u.text();
            }
            return value;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object element : list) {
                out.add(documentText(null, element));
            }
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), documentText(String.valueOf(k), v)));
            return out;
        }
        return value;
    }

    /** The evaluator's value as the model holds it: unknowns as {@link UnknownValue}, objects as maps. */
    static Object toModel(Object value) {
        Object forced = Values.force(value);
        if (forced instanceof Unknown u) {
            return u.toModel();
        }
        if (forced instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object element : list) {
                out.add(toModel(element));
            }
            return out;
        }
        if (forced instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), toModel(v)));
            return out;
        }
        return forced;
    }

    private static AccountContext context(Loader loader) {
        Object region = loader.providerRegion();
        Object account = loader.providerAccount();
        Value<String> regionValue = region instanceof String r ? Value.known(r) : Value.absent();
        Value<String> partition = region instanceof String r
                ? Value.known(AccountContext.partitionOf(r))
                : Value.absent();
        return new AccountContext(regionValue, account instanceof String a ? Value.known(a) : Value.absent(), partition);
    }
}
