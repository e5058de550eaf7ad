package dev.roleplan.input.plan;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * One module of a plan's {@code configuration}: what the configuration says about resources (their
 * expressions, with module-relative references), module calls, outputs and variables. The configuration
 * describes module calls, not instances; instance keys come from the resource addresses.
 *
 * @param resources relevant resources by module-relative address ({@code aws_iam_role.x}, {@code data.t.n})
 * @param outputs   output name → its {@code expression} node
 * @param variables variable name → its declaration ({@code default}, {@code sensitive})
 */
record ConfigModule(Map<String, ConfigResource> resources, Map<String, ModuleCall> calls,
                    Map<String, JsonNode> outputs, Map<String, JsonNode> variables) {

    static ConfigModule empty() {
        return new ConfigModule(Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** A resource block: {@code expressions} maps attribute names to expression nodes (blocks: arrays of objects). */
    record ConfigResource(String address, String mode, String type, JsonNode expressions) {
    }

    /** A {@code module} block: its input expressions and the called module. */
    record ModuleCall(String name, String source, JsonNode expressions, ConfigModule module) {
    }
}
