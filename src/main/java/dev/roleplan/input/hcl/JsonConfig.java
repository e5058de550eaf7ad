package dev.roleplan.input.hcl;

import dev.roleplan.input.hcl.syntax.Attribute;
import dev.roleplan.input.hcl.syntax.Block;
import dev.roleplan.input.hcl.syntax.Body;
import dev.roleplan.input.hcl.syntax.BodyItem;
import dev.roleplan.input.hcl.syntax.Expression;
import dev.roleplan.input.hcl.syntax.HclJsonParser;
import dev.roleplan.input.hcl.syntax.HclParser;
import dev.roleplan.input.hcl.syntax.HclSyntaxException;
import dev.roleplan.input.hcl.syntax.JsonValue;
import dev.roleplan.input.hcl.syntax.SourceRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Terraform's JSON configuration syntax ({@code .tf.json}) as blocks and attributes. Which JSON properties
 * are nested blocks depends on each resource type's schema, which roleplan does not have; it knows the
 * block names of the resources it analyses (policy document statements, principals, conditions, inline
 * policies, task definition volumes) and Terraform's own ({@code dynamic}, {@code lifecycle}). Every other
 * property is an attribute.
 */
final class JsonConfig {

    /** Top-level block types and how many labels their JSON nesting holds. */
    private static final Map<String, Integer> TOP_LEVEL = Map.of("resource", 2, "data", 2, "variable", 1,
            "output", 1, "module", 1, "provider", 1, "terraform", 0, "locals", 0);

    private static final Set<String> NESTED_BLOCKS = Set.of("statement", "principals", "not_principals", "condition",
            "inline_policy", "volume", "efs_volume_configuration", "authorization_config", "docker_volume_configuration",
            "lifecycle", "content", "runtime_platform", "ephemeral_storage", "placement_constraints",
            "proxy_configuration", "validation", "fsx_windows_file_server_volume_configuration");

    private JsonConfig() {
    }

    static Body toBody(JsonValue.JsonObject root) {
        List<BodyItem> items = new ArrayList<>();
        for (JsonValue.Member member : root.members()) {
            Integer labels = TOP_LEVEL.get(member.key());
            if (labels == null) {
                continue; // "//" comments and block types roleplan does not read
            }
            blocks(member.key(), member.keyRange(), labels, member.value(), new ArrayList<>(), items, true);
        }
        return new Body(items, root.range());
    }

    /** Unwraps {@code labels} levels of object nesting (each may be an array of objects), then the block body. */
    private static void blocks(String type, SourceRange typeRange, int labels, JsonValue value, List<Block.Label> collected,
                               List<BodyItem> into, boolean topLevel) {
        if (value instanceof JsonValue.JsonArray array) {
            for (JsonValue item : array.items()) {
                blocks(type, typeRange, labels, item, collected, into, topLevel);
            }
            return;
        }
        if (!(value instanceof JsonValue.JsonObject object)) {
            throw new HclSyntaxException(value.range().file(), value.range().line(), value.range().column(),
                    "a \"" + type + "\" block must be a JSON object");
        }
        if (labels > 0) {
            for (JsonValue.Member member : object.members()) {
                List<Block.Label> next = new ArrayList<>(collected);
                next.add(new Block.Label(member.key(), true, member.keyRange()));
                blocks(type, typeRange, labels - 1, member.value(), next, into, topLevel);
            }
            return;
        }
        boolean locals = topLevel && type.equals("locals");
        boolean variable = topLevel && type.equals("variable");
        into.add(new Block(type, collected, body(object, locals, variable), typeRange, object.range()));
    }

    private static Body body(JsonValue.JsonObject object, boolean locals, boolean variable) {
        List<BodyItem> items = new ArrayList<>();
        for (JsonValue.Member member : object.members()) {
            String name = member.key();
            if (name.equals("//")) {
                continue;
            }
            JsonValue value = member.value();
            if (!locals && name.equals("dynamic")) {
                blocks("dynamic", member.keyRange(), 1, value, new ArrayList<>(), items, false);
            } else if (!locals && NESTED_BLOCKS.contains(name) && isBlockShaped(value)) {
                blocks(name, member.keyRange(), 0, value, new ArrayList<>(), items, false);
            } else {
                items.add(new Attribute(name, expression(name, value, variable), member.keyRange(),
                        SourceRange.span(member.keyRange(), value.range())));
            }
        }
        return new Body(items, object.range());
    }

    private static boolean isBlockShaped(JsonValue value) {
        if (value instanceof JsonValue.JsonObject) {
            return true;
        }
        return value instanceof JsonValue.JsonArray array && !array.items().isEmpty()
                && array.items().stream().allMatch(v -> v instanceof JsonValue.JsonObject);
    }

    /** A variable's {@code type} is written as a string holding a type expression. */
    private static Expression expression(String name, JsonValue value, boolean variable) {
        if (variable && name.equals("type") && value instanceof JsonValue.JsonString s) {
            SourceRange r = s.range();
            return HclParser.parseExpression(r.file(), s.value(), r.line(), r.column() + 1);
        }
        return HclJsonParser.toExpression(value);
    }
}
