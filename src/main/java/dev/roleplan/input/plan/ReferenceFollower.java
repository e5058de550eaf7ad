package dev.roleplan.input.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roleplan.model.Address;
import dev.roleplan.model.Reference;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Turns the module-relative {@code references} of configuration expressions into absolute references:
 * {@code var.X} goes to the caller's module call expression, {@code module.M.O} to that module's output
 * expression in the right module instance, resources get the module instance path of the referring
 * resource. What a plan does not record ({@code local.*}, {@code each.*}, {@code count.index},
 * {@code path.*}) is kept as an unfollowable reference (see {@link Reference#isFollowable()}) so that the
 * resolver can say why a value stays unknown.
 */
final class ReferenceFollower {

    private static final int MAX_DEPTH = 64;
    private static final Set<String> UNFOLLOWABLE = Set.of("local", "each", "count", "path", "terraform", "self");

    private final ConfigModule root;
    private final SortedSet<String> instances;

    ReferenceFollower(ConfigModule root, Set<String> instanceAddresses) {
        this.root = root;
        this.instances = new TreeSet<>(instanceAddresses);
    }

    /** The configuration module that a module instance path ({@code module.a["x"].module.b}) runs. */
    ConfigModule moduleFor(String modulePath) {
        ConfigModule module = root;
        for (Traversal.Part segment : ModulePaths.segments(modulePath)) {
            ConfigModule.ModuleCall call = module.calls().get(segment.name());
            if (call == null) {
                return null;
            }
            module = call.module();
        }
        return module;
    }

    /** Follows one expression node's references (all of them, for a block expression) from a module instance. */
    List<Reference> follow(String modulePath, JsonNode expression) {
        return follow(modulePath, expression, null);
    }

    /**
     * As {@link #follow(String, JsonNode)}, for a resource instance with its own instance key ({@code 0},
     * {@code "api"}): {@code aws_iam_role.x[count.index]} and {@code aws_iam_role.x[each.key]} are recorded as
     * {@code aws_iam_role.x} plus {@code count.index}/{@code each.key}, and pick the instance with the same key.
     */
    List<Reference> follow(String modulePath, JsonNode expression, String ownKey) {
        List<String> raw = new ArrayList<>();
        collectReferences(expression, raw);
        if (raw.isEmpty()) {
            return List.of();
        }
        Set<Reference> out = new LinkedHashSet<>();
        follow(modulePath, raw, pairKey(ownKey, raw), new HashSet<>(), 0, out);
        return List.copyOf(out);
    }

    /**
     * The instance key that a keyless resource reference pairs with: {@code x[count.index]} and
     * {@code x[each.key]} are recorded as {@code x} plus {@code count.index}/{@code each.key}, so the instance
     * with the referring instance's own key (or its module call's key, one level up) is meant.
     */
    private static String pairKey(String key, List<String> raw) {
        if (key == null) {
            return null;
        }
        boolean quoted = key.startsWith("\"");
        boolean counted = !quoted && raw.contains("count.index");
        boolean eached = quoted && raw.stream().anyMatch(r -> r.equals("each.key") || r.equals("each.value"));
        return counted || eached ? key : null;
    }

    /** The references directly on an expression, or on every expression nested in a block expression. */
    static void collectReferences(JsonNode expression, List<String> into) {
        if (expression == null) {
            return;
        }
        if (expression.isArray()) {
            expression.forEach(e -> collectReferences(e, into));
            return;
        }
        if (!expression.isObject()) {
            return;
        }
        JsonNode refs = expression.get("references");
        if (refs != null || expression.has("constant_value")) {
            if (refs != null && refs.isArray()) {
                refs.forEach(r -> {
                    if (r.isTextual()) {
                        into.add(r.asText());
                    }
                });
            }
            return;
        }
        expression.fields().forEachRemaining(e -> collectReferences(e.getValue(), into));
    }

    private void follow(String modulePath, List<String> raw, String pairKey, Set<String> visiting, int depth,
                        Set<Reference> out) {
        for (String ref : mostSpecific(raw)) {
            String key = modulePath + "|" + ref;
            if (depth > MAX_DEPTH || !visiting.add(key)) {
                continue;
            }
            followOne(modulePath, ref, pairKey, visiting, depth, out);
            visiting.remove(key);
        }
    }

    private void followOne(String modulePath, String ref, String pairKey, Set<String> visiting, int depth, Set<Reference> out) {
        List<Traversal.Part> parts = Traversal.parse(ref);
        if (parts.isEmpty()) {
            return;
        }
        String head = parts.get(0).name();
        String prefix = modulePath.isEmpty() ? "" : modulePath + ".";
        if (UNFOLLOWABLE.contains(head)) {
            String shown = parts.size() > 1 ? head + "." + parts.get(1).name() : head;
            out.add(new Reference(Address.of(prefix + shown), null));
        } else if (head.equals("var")) {
            followVariable(modulePath, parts, visiting, depth, out);
        } else if (head.equals("module")) {
            followModuleOutput(modulePath, parts, visiting, depth, out);
        } else if (head.equals("data")) {
            if (parts.size() >= 3) {
                addResource(prefix + "data." + parts.get(1).name() + "." + parts.get(2).text(), parts.get(2).key() != null,
                        parts.size() > 3 ? parts.get(3).name() : null, pairKey, out);
            }
        } else if (parts.size() >= 2) {
            addResource(prefix + head + "." + parts.get(1).text(), parts.get(1).key() != null,
                    parts.size() > 2 ? parts.get(2).name() : null, pairKey, out);
        }
    }

    private void addResource(String address, boolean keyed, String attribute, String pairKey, Set<Reference> out) {
        if (!keyed) {
            List<String> candidates = instancesOf(address);
            String paired = address + "[" + pairKey + "]";
            if (pairKey != null && candidates.contains(paired)) {
                out.add(new Reference(Address.of(paired), attribute));
                return;
            }
            if (!candidates.isEmpty()) {
                candidates.forEach(c -> out.add(new Reference(Address.of(c), attribute)));
                return;
            }
        }
        out.add(new Reference(Address.of(address), attribute));
    }

    /** Instances of a resource given without instance key: itself, or its count/for_each instances. */
    private List<String> instancesOf(String address) {
        List<String> found = new ArrayList<>();
        for (String candidate : instances.tailSet(address)) {
            if (!candidate.startsWith(address)) {
                break;
            }
            if (candidate.length() == address.length() || candidate.charAt(address.length()) == '[') {
                found.add(candidate);
            }
        }
        return found;
    }

    private void followVariable(String modulePath, List<Traversal.Part> parts, Set<String> visiting, int depth,
                                Set<Reference> out) {
        if (parts.size() < 2) {
            return;
        }
        String variable = parts.get(1).name();
        List<Traversal.Part> segments = ModulePaths.segments(modulePath);
        if (segments.isEmpty()) {
            // A root variable: its value is in the plan's variables, so a reference chain ends here.
            out.add(new Reference(Address.of("var." + variable), null));
            return;
        }
        Traversal.Part call = segments.get(segments.size() - 1);
        String parentPath = ModulePaths.join(segments.subList(0, segments.size() - 1));
        ConfigModule parent = moduleFor(parentPath);
        ConfigModule.ModuleCall moduleCall = parent == null ? null : parent.calls().get(call.name());
        JsonNode expression = moduleCall == null || moduleCall.expressions() == null ? null : moduleCall.expressions().get(variable);
        if (expression == null) {
            // Not passed by the caller: the variable's default applies, which is a constant, not a reference.
            return;
        }
        List<String> raw = new ArrayList<>();
        collectReferences(expression, raw);
        follow(parentPath, raw, pairKey(call.key(), raw), visiting, depth + 1, out);
    }

    private void followModuleOutput(String modulePath, List<Traversal.Part> parts, Set<String> visiting, int depth,
                                    Set<Reference> out) {
        String prefix = modulePath.isEmpty() ? "" : modulePath + ".";
        if (parts.size() < 2) {
            return;
        }
        Traversal.Part call = parts.get(1);
        if (parts.size() < 3) {
            out.add(new Reference(Address.of(prefix + "module." + call.text()), null));
            return;
        }
        String output = parts.get(2).name();
        ConfigModule here = moduleFor(modulePath);
        ConfigModule.ModuleCall moduleCall = here == null ? null : here.calls().get(call.name());
        JsonNode expression = moduleCall == null ? null : moduleCall.module().outputs().get(output);
        if (expression == null) {
            out.add(new Reference(Address.of(prefix + "module." + call.text() + ".output." + output), null));
            return;
        }
        List<String> raw = new ArrayList<>();
        collectReferences(expression, raw);
        for (String instance : moduleInstances(prefix + "module." + call.name(), call.key())) {
            follow(instance, raw, null, visiting, depth + 1, out);
        }
    }

    /** Module instance paths for a call: the one named by key, else every instance seen in the addresses. */
    private List<String> moduleInstances(String callPath, String key) {
        if (key != null) {
            return List.of(callPath + "[" + key + "]");
        }
        Set<String> found = new TreeSet<>();
        for (String candidate : instances.tailSet(callPath)) {
            if (!candidate.startsWith(callPath)) {
                break;
            }
            String rest = candidate.substring(callPath.length());
            if (rest.startsWith(".")) {
                found.add(callPath);
            } else if (rest.startsWith("[")) {
                int end = ModulePaths.keyEnd(rest, 0);
                if (end > 0) {
                    found.add(callPath + rest.substring(0, end));
                }
            }
        }
        return found.isEmpty() ? List.of(callPath) : List.copyOf(found);
    }

    /** Drops entries that another entry extends ({@code aws_iam_role.x} when {@code aws_iam_role.x.arn} is listed). */
    static List<String> mostSpecific(List<String> raw) {
        List<String> kept = new ArrayList<>();
        for (String ref : new LinkedHashSet<>(raw)) {
            boolean extended = false;
            for (String other : raw) {
                if (other.length() > ref.length() && other.startsWith(ref)
                        && (other.charAt(ref.length()) == '.' || other.charAt(ref.length()) == '[')) {
                    extended = true;
                    break;
                }
            }
            if (!extended) {
                kept.add(ref);
            }
        }
        return kept;
    }
}
