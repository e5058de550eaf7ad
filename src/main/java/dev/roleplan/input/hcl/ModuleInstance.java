package dev.roleplan.input.hcl;

import dev.roleplan.input.hcl.syntax.Attribute;
import dev.roleplan.input.hcl.syntax.Block;
import dev.roleplan.input.hcl.syntax.Body;
import dev.roleplan.input.hcl.syntax.Expression;
import dev.roleplan.model.Address;
import dev.roleplan.model.Reference;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One instance of a module ({@code module.svc["api"]}, or the root): its variables, locals, outputs,
 * resources and child module calls, each evaluated on first use and remembered. A value that depends on
 * itself becomes unknown instead of looping.
 */
final class ModuleInstance {

    private static final Object IN_PROGRESS = new Object();

    final Loader loader;
    final ModuleConfig config;
    /** "" for the root, else {@code module.a["x"].module.b}. */
    final String path;
    private final ModuleInstance parent;
    private final Block call;
    private final Scope callScope;
    private final ModuleFiles files;
    private final Map<String, Object> memo = new HashMap<>();
    private final Map<String, Object> resourceValues = new HashMap<>();
    private final Map<String, List<ModuleInstance>> children = new LinkedHashMap<>();
    private final Map<String, Object> childValues = new HashMap<>();
    private final Set<String> resourceTypes = new HashSet<>();

    ModuleInstance(Loader loader, ModuleConfig config, String path, ModuleInstance parent, Block call, Scope callScope) {
        this.loader = loader;
        this.config = config;
        this.path = path;
        this.parent = parent;
        this.call = call;
        this.callScope = callScope;
        this.files = new ModuleFiles(loader.root, loader.boundary, config.dir, loader.session);
        for (String key : config.resources.keySet()) {
            if (!key.startsWith("data.")) {
                resourceTypes.add(key.substring(0, key.indexOf('.')));
            }
        }
    }

    ModuleInstance parentInstance() {
        return parent;
    }

    String address(String local) {
        return path.isEmpty() ? local : path + "." + local;
    }

    // ---- scope -----------------------------------------------------------------------------------

    Scope scope() {
        ModuleInstance self = this;
        return new Scope() {
            @Override
            public Object root(String name) {
                return self.root(name);
            }

            @Override
            public ModuleFiles files() {
                return files;
            }
        };
    }

    private Object root(String name) {
        switch (name) {
            case "var":
                return lazy(this::variable, () -> config.variables.keySet());
            case "local":
                return lazy(this::local, () -> config.locals.keySet());
            case "module":
                return lazy(this::moduleValue, () -> config.calls.keySet());
            case "data":
                return new LazyObject() {
                    @Override
                    public Object get(String type) {
                        return lazy(n -> resourceValue("data." + type + "." + n), () -> names("data." + type + "."));
                    }

                    @Override
                    public Map<String, Object> materialize() {
                        return Map.of();
                    }
                };
            case "path": {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("module", files.pathModule());
                p.put("root", ".");
                // Terraform's path.cwd is absolute (examples name things after basename(path.cwd)); the scanned
                // directory stands for the directory terraform plan would run in.
                p.put("cwd", loader.root.toString().replace('\\', '/'));
                return p;
            }
            case "terraform":
                return new LinkedHashMap<>(Map.of("workspace", "default"));
            default:
                if (resourceTypes.contains(name)) {
                    return lazy(n -> resourceValue(name + "." + n), () -> names(name + "."));
                }
                if (name.contains("_")) {
                    // A resource type with no block of it here: Terraform would refuse the reference.
                    return lazy(n -> resourceValue(name + "." + n), List::of);
                }
                return Scope.UNDEFINED;
        }
    }

    private List<String> names(String prefix) {
        List<String> out = new ArrayList<>();
        for (String key : config.resources.keySet()) {
            if (key.startsWith(prefix) && key.indexOf('.', prefix.length()) < 0) {
                out.add(key.substring(prefix.length()));
            }
        }
        return out;
    }

    private static LazyObject lazy(java.util.function.Function<String, Object> get,
                                   java.util.function.Supplier<java.util.Collection<String>> names) {
        return new LazyObject() {
            @Override
            public Object get(String name) {
                return get.apply(name);
            }

            @Override
            public Map<String, Object> materialize() {
                Map<String, Object> out = new TreeMap<>();
                for (String name : names.get()) {
                    out.put(name, get.apply(name));
                }
                return new LinkedHashMap<>(out);
            }
        };
    }

    private Object remembered(String key, java.util.function.Supplier<Object> compute) {
        Object value = memo.get(key);
        if (value == IN_PROGRESS) {
            return Unknown.of(key + " depends on itself");
        }
        if (value != null || memo.containsKey(key)) {
            return value;
        }
        memo.put(key, IN_PROGRESS);
        Object computed = compute.get();
        memo.put(key, computed);
        return computed;
    }

    // ---- variables, locals, outputs --------------------------------------------------------------

    Object variable(String name) {
        Block declaration = config.variables.get(name);
        if (declaration == null) {
            return Unknown.of("var." + name + " is not declared in " + files.pathModule());
        }
        return remembered("var." + name, () -> {
            Attribute type = declaration.body().attribute("type").orElse(null);
            Object value = variableValue(name, declaration);
            if (type != null) {
                value = TypeConstraint.convert(type.value(), value, Scope.only(Map.of(), files));
            }
            Attribute sensitive = declaration.body().attribute("sensitive").orElse(null);
            if (sensitive != null && Boolean.TRUE.equals(Evaluator.eval(sensitive.value(), Scope.only(Map.of(), files)))) {
                loader.session.sensitive(Values.deep(value));
            }
            return value;
        });
    }

    private Object variableValue(String name, Block declaration) {
        if (parent == null) {
            String text = loader.cliStrings.get(name);
            Attribute type = declaration.body().attribute("type").orElse(null);
            boolean stringTyped = type == null || type.value() instanceof Expression.ScopeTraversal t && t.root().equals("string");
            if (text != null && !stringTyped) {
                // Terraform reads -var values of non-string variables as HCL expressions.
                Expression given;
                try {
                    given = dev.roleplan.input.hcl.syntax.HclParser.parseExpression("--var " + name, text);
                } catch (dev.roleplan.input.hcl.syntax.HclSyntaxException e) {
                    throw ModuleConfig.syntaxError("--var " + name, e);
                }
                return Evaluator.eval(given, Scope.only(Map.of(), files));
            }
            if (loader.rootVariables.containsKey(name)) {
                Object given = loader.rootVariables.get(name);
                if (given != null || !nonNullable(declaration)) {
                    return given;
                }
            }
        } else {
            Attribute argument = call.body().attribute(name).orElse(null);
            if (argument != null) {
                Object given = Evaluator.eval(argument.value(), callScope);
                if (given != null || !nonNullable(declaration)) {
                    return given;
                }
            }
        }
        // Unset, or null given to a variable declared nullable = false: Terraform takes the default.
        Attribute defaultValue = declaration.body().attribute("default").orElse(null);
        if (defaultValue != null) {
            return Evaluator.eval(defaultValue.value(), Scope.only(Map.of(), files));
        }
        if (parent == null) {
            return Unknown.plain("var." + name + " has no value (no default, not set in terraform.tfvars or *.auto.tfvars)",
                    List.of(new Reference(Address.of("var." + name), null)));
        }
        return null;
    }

    private boolean nonNullable(Block declaration) {
        Attribute nullable = declaration.body().attribute("nullable").orElse(null);
        return nullable != null && Boolean.FALSE.equals(Evaluator.eval(nullable.value(), Scope.only(Map.of(), files)));
    }

    Object local(String name) {
        Attribute attribute = config.locals.get(name);
        if (attribute == null) {
            return Unknown.of("local." + name + " is not defined in " + files.pathModule());
        }
        return remembered("local." + name, () -> Evaluator.eval(attribute.value(), scope()));
    }

    Object output(String name) {
        Block block = config.outputs.get(name);
        if (block == null) {
            return Unknown.of("module " + path + " has no output \"" + name + "\"");
        }
        Attribute value = block.body().attribute("value").orElse(null);
        if (value == null) {
            return null;
        }
        return remembered("output." + name, () -> Evaluator.eval(value.value(), scope()));
    }

    // ---- resources -------------------------------------------------------------------------------

    /** One expanded instance of a resource or module block: its key (null without count/for_each) and scope. */
    record Expansion(Object key, Scope scope, boolean keyUnknown) {
    }

    /**
     * The most instances one block's count or for_each is expanded to. Real configurations stay far below; a
     * hostile {@code count = 100000000} would otherwise build every instance and exhaust memory.
     */
    static final int MAX_INSTANCES = 10_000;

    /** The instances count or for_each makes of a block; one unkeyed instance when there is neither. */
    List<Expansion> expand(Block block, Scope base, String what) {
        Attribute count = block.body().attribute("count").orElse(null);
        if (count != null) {
            return countExpansions(count, base, what);
        }
        Attribute forEach = block.body().attribute("for_each").orElse(null);
        if (forEach != null) {
            return forEachExpansions(forEach, base, what);
        }
        return List.of(new Expansion(null, base, false));
    }

    /**
     * The instances of a count: no more than the block's cap ({@link #MAX_INSTANCES}), with a notice, and no more than
     * the read's budget has left ({@link Session#instancesLeft()}), which counts them.
     */
    private List<Expansion> countExpansions(Attribute count, Scope base, String what) {
        Object n = Values.force(Evaluator.eval(count.value(), base));
        BigDecimal number = Values.toNumber(n);
        int room = loader.session.instancesLeft();
        if (n instanceof Unknown || number == null) {
            loader.session.notice(what + ": count is not known before apply (" + describe(n)
                    + "); analysed as one instance with an unknown index");
            loader.session.spent(1, Math.min(1, room), what);
            return room == 0 ? List.of() : List.of(new Expansion(null, base.with(Map.of("count", Map.of("index",
                    Unknown.plain("count.index of " + what + " is not known", List.of())))), true));
        }
        if (number.compareTo(BigDecimal.valueOf(MAX_INSTANCES)) > 0) {
            loader.session.notice(what + ": count is " + Values.formatNumber(number) + "; only the first "
                    + MAX_INSTANCES + " instances are analysed");
            number = BigDecimal.valueOf(MAX_INSTANCES);
        }
        // a negative count makes none (intValue() of a huge negative number can be positive)
        int wanted = number.signum() <= 0 ? 0 : number.intValue();
        int made = Math.min(wanted, room);
        loader.session.spent(wanted, made, what);
        List<Expansion> out = new ArrayList<>(made);
        for (int i = 0; i < made; i++) {
            out.add(new Expansion(BigDecimal.valueOf(i), base.with(Map.of("count",
                    Map.of("index", BigDecimal.valueOf(i)))), false));
        }
        return out;
    }

    private List<Expansion> forEachExpansions(Attribute forEach, Scope base, String what) {
        Object collection = Values.force(Evaluator.eval(forEach.value(), base));
        if (collection instanceof Unknown || !(collection instanceof Map<?, ?> || collection instanceof List<?>)
                || Unknown.containsUnknown(collection instanceof Map<?, ?> m ? new ArrayList<>(m.keySet()) : collection)) {
            loader.session.notice(what + ": for_each is not known before apply (" + describe(collection)
                    + "); analysed as one instance with an unknown key");
            Unknown unknownEach = Unknown.plain("each of " + what + " is not known before apply", List.of());
            Map<String, Object> each = new LinkedHashMap<>();
            each.put("key", unknownEach);
            each.put("value", unknownEach);
            int room = loader.session.instancesLeft();
            loader.session.spent(1, Math.min(1, room), what);
            return room == 0 ? List.of() : List.of(new Expansion(null, base.with(Map.of("each", each)), true));
        }
        List<Map.Entry<Object, Object>> entries = Values.entries(collection);
        if (entries.size() > MAX_INSTANCES) {
            loader.session.notice(what + ": for_each has " + entries.size() + " elements; only the first "
                    + MAX_INSTANCES + " (in key order) are analysed");
            entries = entries.subList(0, MAX_INSTANCES);
        }
        int made = Math.min(entries.size(), loader.session.instancesLeft());
        loader.session.spent(entries.size(), made, what);
        List<Expansion> out = new ArrayList<>(made);
        for (Map.Entry<Object, Object> entry : entries.subList(0, made)) {
            Object key = collection instanceof List<?> ? entry.getValue() : entry.getKey();
            String keyText = Values.toStringValue(key);
            Map<String, Object> each = new LinkedHashMap<>();
            each.put("key", keyText);
            each.put("value", collection instanceof List<?> ? keyText : entry.getValue());
            out.add(new Expansion(keyText, base.with(Map.of("each", each)), false));
        }
        return out;
    }

    private static String describe(Object value) {
        if (value instanceof Unknown u) {
            return u.references().isEmpty() ? u.reason() : "computed from " + joinReferences(u.references());
        }
        return "a " + Values.typeName(value);
    }

    static String joinReferences(List<Reference> references) {
        List<String> out = new ArrayList<>();
        references.forEach(r -> out.add(r.toString()));
        return String.join(", ", out);
    }

    static String keySuffix(Object key) {
        if (key == null) {
            return "";
        }
        if (key instanceof BigDecimal d) {
            return "[" + Values.formatNumber(d) + "]";
        }
        return "[" + quote(String.valueOf(key)) + "]";
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The value of {@code type.name} (or {@code data.type.name}): one instance, a list (count), or a map (for_each). */
    Object resourceValue(String key) {
        Block block = config.resources.get(key);
        if (block == null) {
            loader.session.notice(address(key) + " is referred to but not declared in " + (path.isEmpty() ? "the root module" : path)
                    + "; values computed from it are unknown");
            return Unknown.plain(address(key) + " is not declared", List.of(new Reference(Address.of(address(key)), null)));
        }
        Object cached = resourceValues.get(key);
        if (cached != null) {
            return cached;
        }
        List<ResourceInstance> instances = instances(key);
        Object value;
        boolean counted = block.body().attribute("count").isPresent();
        boolean each = block.body().attribute("for_each").isPresent();
        if (instances.size() == 1 && instances.get(0).keyUnknown()) {
            ResourceInstance only = instances.get(0);
            value = Unknown.plain("the instances of " + address(key) + " are not known before apply",
                    List.of(new Reference(Address.of(only.address()), null)));
        } else if (counted) {
            value = new ArrayList<Object>(instances);
        } else if (each) {
            Map<String, Object> map = new LinkedHashMap<>();
            instances.forEach(i -> map.put(String.valueOf(i.key()), i));
            value = map;
        } else {
            value = instances.get(0);
        }
        resourceValues.put(key, value);
        return value;
    }

    private final Map<String, List<ResourceInstance>> instanceCache = new HashMap<>();

    /** Every instance of a resource block in this module instance. */
    List<ResourceInstance> instances(String key) {
        List<ResourceInstance> cached = instanceCache.get(key);
        if (cached != null) {
            return cached;
        }
        Block block = config.resources.get(key);
        List<ResourceInstance> out = new ArrayList<>();
        instanceCache.put(key, out);
        for (Expansion expansion : expand(block, scope(), address(key))) {
            out.add(new ResourceInstance(this, key, block, expansion.key(), expansion.keyUnknown(), expansion.scope()));
        }
        return out;
    }

    // ---- child modules ---------------------------------------------------------------------------

    Object moduleValue(String callName) {
        if (!config.calls.containsKey(callName)) {
            return Unknown.of("module." + callName + " is not declared in " + files.pathModule());
        }
        Object cached = childValues.get(callName);
        if (cached != null) {
            return cached;
        }
        Block block = config.calls.get(callName);
        List<ModuleInstance> instances = children(callName);
        Object value;
        if (instances == null) {
            String source = loader.sourceOf(block);
            value = new UnresolvedModule(address("module." + callName), source);
        } else if (block.body().attribute("count").isPresent()) {
            value = new ArrayList<Object>(instances.stream().map(ModuleInstance::outputs).toList());
        } else if (block.body().attribute("for_each").isPresent()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (ModuleInstance instance : instances) {
                map.put(instance.instanceKey, instance.outputs());
            }
            value = map;
        } else {
            value = instances.isEmpty() ? null : instances.get(0).outputs();
        }
        childValues.put(callName, value);
        return value;
    }

    private String instanceKey;

    LazyObject outputs() {
        return lazy(this::output, () -> config.outputs.keySet());
    }

    /** The instances of a module call; null when its source cannot be read. */
    List<ModuleInstance> children(String callName) {
        if (children.containsKey(callName)) {
            return children.get(callName);
        }
        Block block = config.calls.get(callName);
        String callAddress = address("module." + callName);
        ModuleConfig childConfig = loader.moduleConfig(this, callName, block);
        if (childConfig == null) {
            children.put(callName, null);
            return null;
        }
        List<ModuleInstance> out = new ArrayList<>();
        children.put(callName, out);
        reportUndeclaredArguments(block, childConfig, callAddress);
        for (Expansion expansion : expand(block, scope(), callAddress)) {
            String childPath = callAddress + keySuffix(expansion.key());
            ModuleInstance child = new ModuleInstance(loader, childConfig, childPath, this, block, expansion.scope());
            child.instanceKey = expansion.key() == null ? null : String.valueOf(expansion.key());
            out.add(child);
        }
        return out;
    }

    private static final Set<String> MODULE_META = Set.of("source", "version", "count", "for_each", "providers", "depends_on");

    /** An argument the called module does not declare: Terraform refuses the configuration; roleplan says so and ignores it. */
    private void reportUndeclaredArguments(Block call, ModuleConfig childConfig, String callAddress) {
        for (Attribute argument : call.body().attributes()) {
            String name = argument.name();
            if (!MODULE_META.contains(name) && !childConfig.variables.containsKey(name)) {
                loader.session.notice(callAddress + ": argument \"" + name + "\" (" + argument.range().file() + ":"
                        + argument.range().line() + ") is not a variable of " + new ModuleFiles(loader.root, loader.boundary,
                        childConfig.dir, loader.session).pathModule() + "; terraform would refuse it, roleplan ignores it");
            }
        }
    }

    /** Everything below this instance, depth first, this one first. */
    void collect(List<ModuleInstance> into) {
        into.add(this);
        for (String callName : config.calls.keySet()) {
            List<ModuleInstance> instances = children(callName);
            if (instances != null) {
                for (ModuleInstance child : instances) {
                    child.collect(into);
                }
            }
        }
    }

    /** The outputs of a module roleplan cannot read: every attribute unknown, naming the module output. */
    private record UnresolvedModule(String callAddress, String source) implements LazyObject {
        @Override
        public Object get(String name) {
            return Unknown.plain(callAddress + " (source \"" + source + "\") is not available to roleplan; run terraform init",
                    List.of(new Reference(Address.of(callAddress + ".output." + name), null)));
        }

        @Override
        public Map<String, Object> materialize() {
            return Map.of();
        }

        /** Its outputs cannot be listed: the whole module object is unknown, not an empty object. */
        @Override
        public Object whole() {
            return Unknown.plain(callAddress + " (source \"" + source + "\") is not available to roleplan; run terraform init",
                    List.of(new Reference(Address.of(callAddress), null)));
        }
    }

    /** Evaluates a block body into the attribute tree the provider would hold: attributes, nested blocks as lists. */
    static Map<String, Object> body(Body body, dev.roleplan.input.hcl.syntax.SourceRange range, Scope scope, Set<String> skip) {
        Map<String, Object> out = new PositionedMap(range);
        for (Attribute attribute : body.attributes()) {
            if (!skip.contains(attribute.name())) {
                out.put(attribute.name(), Evaluator.eval(attribute.value(), scope));
            }
        }
        for (Block block : body.blocks()) {
            if (skip.contains(block.type())) {
                continue;
            }
            if (block.type().equals("dynamic") && block.labels().size() == 1) {
                dynamic(block, scope, out);
                continue;
            }
            appendBlock(out, block.type(), body(block.body(), block.range(), scope, Set.of()));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void appendBlock(Map<String, Object> out, String type, Object block) {
        Object existing = out.get(type);
        if (existing instanceof Unknown) {
            return;
        }
        List<Object> list = existing instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
        list.add(block);
        out.put(type, list);
    }

    private static void dynamic(Block block, Scope scope, Map<String, Object> out) {
        String type = block.labels().get(0).value();
        Body body = block.body();
        Attribute forEach = body.attribute("for_each").orElse(null);
        Block content = body.blocks("content").stream().findFirst().orElse(null);
        if (forEach == null || content == null) {
            return;
        }
        String iterator = type;
        Attribute iteratorAttribute = body.attribute("iterator").orElse(null);
        if (iteratorAttribute != null && iteratorAttribute.value() instanceof Expression.ScopeTraversal t) {
            iterator = t.root();
        }
        Object collection = Values.force(Evaluator.eval(forEach.value(), scope));
        if (collection instanceof Unknown u) {
            out.put(type, new Unknown("the dynamic \"" + type + "\" blocks are known only after apply", u.references(), null));
            return;
        }
        for (Map.Entry<Object, Object> entry : Values.entries(collection)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("key", entry.getKey());
            item.put("value", entry.getValue());
            // A block made from an object written elsewhere (a caller's list of statements given to a module) is
            // placed where that object is written: that is where its author can change it.
            dev.roleplan.input.hcl.syntax.SourceRange where = Values.force(entry.getValue()) instanceof PositionedMap p && p.range() != null
                    ? p.range() : content.range();
            appendBlock(out, type, body(content.body(), where, scope.with(Map.of(iterator, item)), Set.of()));
        }
        if (!out.containsKey(type)) {
            out.put(type, new ArrayList<>());
        }
    }
}
