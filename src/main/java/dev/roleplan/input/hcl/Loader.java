package dev.roleplan.input.hcl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roleplan.input.hcl.syntax.Attribute;
import dev.roleplan.input.hcl.syntax.Block;
import dev.roleplan.input.hcl.syntax.Body;
import dev.roleplan.input.hcl.syntax.Expression;
import dev.roleplan.input.hcl.syntax.HclParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds and reads module sources: local paths ({@code ./x}, {@code ../x}) relative to the calling module and
 * inside the {@link Boundary},
 * anything else through {@code .terraform/modules/modules.json} when {@code terraform init} has run. Also
 * holds the root variables' values (tfvars) and the default AWS provider's settings.
 */
final class Loader {

    final Path root;
    final Boundary boundary;
    final Session session;
    final Map<String, Object> rootVariables = new LinkedHashMap<>();
    private final Map<Path, ModuleConfig> configs = new HashMap<>();
    private final Map<String, Path> installed = new HashMap<>();
    private ModuleInstance rootInstance;

    Loader(Path root, Session session) {
        this.root = root.toAbsolutePath().normalize();
        this.boundary = Boundary.of(this.root);
        this.session = session;
        readModulesJson();
    }

    ModuleInstance rootInstance(ModuleConfig config) {
        configs.put(config.dir.normalize(), config);
        rootInstance = new ModuleInstance(this, config, "", null, null, null);
        return rootInstance;
    }

    /** terraform.tfvars then *.auto.tfvars in name order; later files win, as in Terraform. */
    void readVariableFiles(Path dir) {
        List<Path> files = new ArrayList<>();
        Path main = dir.resolve("terraform.tfvars");
        if (Files.isRegularFile(main)) {
            files.add(main);
        }
        try (Stream<Path> stream = Files.list(dir)) {
            stream.filter(p -> p.getFileName().toString().endsWith(".auto.tfvars")).sorted().forEach(files::add);
        } catch (IOException e) {
            session.notice("cannot list " + dir + " for *.auto.tfvars: " + e.getMessage());
        }
        for (Path file : files) {
            String display = root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
            readVariableFile(file, display, session.files().shown(display));
        }
    }

    /**
     * A .tfvars file (or .tfvars.json): every attribute is a root variable's value. {@code display} names it in
     * positions, {@code name} in errors (a --var-file is named as given in both).
     */
    void readVariableFile(Path file, String display, String name) {
        if (!Files.isRegularFile(file)) {
            throw new dev.roleplan.input.InputException(name, null, "variable file not found");
        }
        String text = ModuleConfig.text(file, display, name, session.files());
        Body body;
        try {
            body = display.endsWith(".json") ? ModuleConfig.parseJsonValues(display, text) : HclParser.parseConfig(display, text);
        } catch (dev.roleplan.input.hcl.syntax.HclSyntaxException e) {
            throw ModuleConfig.syntaxError(name, e);
        }
        ModuleFiles where = new ModuleFiles(root, boundary, root, session);
        for (Attribute attribute : body.attributes()) {
            rootVariables.put(attribute.name(), Evaluator.eval(attribute.value(), Scope.only(Map.of(), where)));
        }
    }

    /**
     * Values given as {@code --var NAME=VALUE}: text, read as an expression when the variable's type is not string.
     * They are assigned after every variable file is read, so no file can override one.
     */
    final Map<String, String> cliStrings = new HashMap<>();

    void assign(String name, String value) {
        rootVariables.put(name, value);
        cliStrings.put(name, value);
    }

    private void readModulesJson() {
        Path manifest = root.resolve(".terraform/modules/modules.json");
        if (!Files.isRegularFile(manifest)) {
            return;
        }
        try {
            String display = ".terraform/modules/modules.json";
            JsonNode tree = new ObjectMapper().readTree(session.files().read(manifest, session.files().shown(display), null));
            for (JsonNode module : tree.path("Modules")) {
                String key = module.path("Key").asText("");
                String dir = module.path("Dir").asText(null);
                if (!key.isEmpty() && dir != null) {
                    installed.put(key, root.resolve(dir).normalize());
                }
            }
        } catch (IOException e) {
            session.notice(".terraform/modules/modules.json cannot be read (" + e.getMessage()
                    + "); modules from registries and git are not analysed");
        }
    }

    String sourceOf(Block call) {
        Attribute source = call.body().attribute("source").orElse(null);
        if (source != null && source.value() instanceof Expression.TemplateExpr t && t.isStringLiteral()) {
            return t.literalValue();
        }
        return "?";
    }

    /** The configuration a module call loads, or null (with a notice) when roleplan cannot read it. */
    ModuleConfig moduleConfig(ModuleInstance caller, String callName, Block call) {
        String source = sourceOf(call);
        String callAddress = caller.address("module." + callName);
        Path dir;
        if (source.startsWith("./") || source.startsWith("../")) {
            dir = caller.config.dir.resolve(source).normalize();
            if (!boundary.contains(dir)) {
                session.notice(callAddress + ": source \"" + source + "\" is outside " + boundary.description() + "; not analysed");
                return null;
            }
        } else {
            dir = installed.get(manifestKey(caller, callName));
            if (dir == null) {
                session.notice(callAddress + ": module source \"" + source + "\" is not downloaded (run terraform init); "
                        + "roles that depend on it are unknown");
                return null;
            }
        }
        if (!Files.isDirectory(dir)) {
            session.notice(callAddress + ": module directory " + root.relativize(dir) + " does not exist");
            return null;
        }
        if (!insideBoundary(dir)) {
            // a symbolic link, or a modules.json Dir, that leads outside: never read what the change cannot vouch for
            session.notice(callAddress + ": module directory for source \"" + source + "\" is outside "
                    + boundary.description() + "; not analysed");
            return null;
        }
        if (calledFromItself(caller, dir)) {
            session.notice(callAddress + ": module source \"" + source + "\" calls itself; the cycle is not followed");
            return null;
        }
        return configs.computeIfAbsent(dir, d -> ModuleConfig.load(root, d, session));
    }

    private boolean insideBoundary(Path dir) {
        try {
            return boundary.contains(dir) && boundary.containsReal(dir.toRealPath());
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static boolean calledFromItself(ModuleInstance caller, Path dir) {
        // Instances form a chain through their path; walking configs up is enough to detect a repeat.
        for (ModuleInstance m = caller; m != null; m = m.parentInstance()) {
            if (m.config.dir.normalize().equals(dir)) {
                return true;
            }
        }
        return false;
    }

    /** modules.json keys nest call names with dots and drop instance keys: {@code svc.iam}. */
    private static String manifestKey(ModuleInstance caller, String callName) {
        List<String> names = new ArrayList<>();
        for (String part : caller.path.split("\\.module\\.|^module\\.")) {
            if (!part.isEmpty()) {
                int bracket = part.indexOf('[');
                names.add(bracket < 0 ? part : part.substring(0, bracket));
            }
        }
        names.add(callName);
        return String.join(".", names);
    }

    /** The default aws provider's region when configured, else null. */
    Object providerRegion() {
        return providerSetting("region");
    }

    /** An account the default aws provider is pinned to ({@code allowed_account_ids} with one entry), else null. */
    Object providerAccount() {
        Object allowed = providerSetting("allowed_account_ids");
        return allowed instanceof List<?> list && list.size() == 1 && list.get(0) instanceof String s ? s : null;
    }

    private final Map<String, Object> providerSettings = new HashMap<>();

    /** A setting of the default aws provider, evaluated once (every data source of the account asks for it). */
    private Object providerSetting(String name) {
        if (providerSettings.containsKey(name)) {
            return providerSettings.get(name);
        }
        Object value = evaluateProviderSetting(name);
        providerSettings.put(name, value);
        return value;
    }

    private Object evaluateProviderSetting(String name) {
        if (rootInstance == null) {
            return null;
        }
        for (Block provider : rootInstance.config.providers) {
            if (!provider.labelValues().equals(List.of("aws")) || provider.body().attribute("alias").isPresent()) {
                continue;
            }
            Attribute setting = provider.body().attribute(name).orElse(null);
            if (setting != null) {
                Object value = Values.deep(Evaluator.eval(setting.value(), rootInstance.scope()));
                return Unknown.containsUnknown(value) ? null : value;
            }
        }
        return null;
    }
}
