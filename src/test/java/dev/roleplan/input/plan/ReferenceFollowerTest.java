package dev.roleplan.input.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roleplan.model.Address;
import dev.roleplan.model.Reference;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReferenceFollowerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static ConfigModule module(Map<String, ConfigModule.ModuleCall> calls, Map<String, JsonNode> outputs) {
        return new ConfigModule(Map.of(), calls, outputs, Map.of());
    }

    private static Reference ref(String target, String attribute) {
        return new Reference(Address.of(target), attribute);
    }

    @Test
    void theMostSpecificEntriesWin() {
        assertEquals(List.of("aws_iam_role.this[0].arn"),
                ReferenceFollower.mostSpecific(List.of("aws_iam_role.this[0].arn", "aws_iam_role.this[0]", "aws_iam_role.this")));
        assertEquals(List.of("module.iam.role_arn", "var.x"),
                ReferenceFollower.mostSpecific(List.of("module.iam.role_arn", "module.iam", "var.x")));
    }

    @Test
    void traversalsKeepQuotedKeysWhole() {
        assertEquals(List.of(new Traversal.Part("module", null), new Traversal.Part("m", "\"a.b[c]\""), new Traversal.Part("out", null)),
                Traversal.parse("module.m[\"a.b[c]\"].out"));
        assertEquals(List.of(new Traversal.Part("module", null), new Traversal.Part("a", "\"x\""), new Traversal.Part("module", null),
                new Traversal.Part("b", "0")), Traversal.parse("module.a[\"x\"].module.b[0]"));
    }

    @Test
    void aModuleOutputWithoutInstanceKeyGivesEveryInstance() throws Exception {
        ConfigModule roles = module(Map.of(), Map.of("arn", json("{\"references\":[\"aws_iam_role.r.arn\",\"aws_iam_role.r\"]}")));
        ConfigModule root = module(Map.of("roles", new ConfigModule.ModuleCall("roles", "./roles", null, roles)), Map.of());
        ReferenceFollower follower = new ReferenceFollower(root, Set.of(
                "module.roles[\"a\"].aws_iam_role.r", "module.roles[\"b\"].aws_iam_role.r", "aws_ecs_task_definition.t"));
        assertEquals(List.of(ref("module.roles[\"a\"].aws_iam_role.r", "arn"), ref("module.roles[\"b\"].aws_iam_role.r", "arn")),
                follower.follow("", json("{\"references\":[\"module.roles.arn\",\"module.roles\"]}")));
        assertEquals(List.of(ref("module.roles[\"b\"].aws_iam_role.r", "arn")),
                follower.follow("", json("{\"references\":[\"module.roles[\\\"b\\\"].arn\",\"module.roles[\\\"b\\\"]\",\"module.roles\"]}")));
    }

    @Test
    void variablesGoToTheCallerInTheCallersModuleInstance() throws Exception {
        ConfigModule inner = module(Map.of(), Map.of());
        ConfigModule outer = module(Map.of("inner", new ConfigModule.ModuleCall("inner", "./inner",
                json("{\"role\":{\"references\":[\"aws_iam_role.r.arn\",\"aws_iam_role.r\"]}}"), inner)), Map.of());
        ConfigModule root = module(Map.of("outer", new ConfigModule.ModuleCall("outer", "./outer", null, outer)), Map.of());
        ReferenceFollower follower = new ReferenceFollower(root, Set.of());
        assertEquals(List.of(ref("module.outer[1].aws_iam_role.r", "arn")),
                follower.follow("module.outer[1].module.inner", json("{\"references\":[\"var.role\"]}")));
        // not passed by the caller: the default applies, a constant, so there is nothing to follow
        assertEquals(List.of(), follower.follow("module.outer[1].module.inner", json("{\"references\":[\"var.other\"]}")));
        assertEquals(List.of(ref("var.region", null)), follower.follow("", json("{\"references\":[\"var.region\"]}")));
    }

    @Test
    void eachKeyPairsAModuleInstanceWithTheCallersResourceInstance() throws Exception {
        // module "svc" { for_each = ...; role_arn = aws_iam_role.svc[each.key].arn } at the root
        ConfigModule svc = module(Map.of(), Map.of());
        ConfigModule root = module(Map.of("svc", new ConfigModule.ModuleCall("svc", "./svc",
                json("{\"role_arn\":{\"references\":[\"aws_iam_role.svc\",\"each.key\"]}}"), svc)), Map.of());
        ReferenceFollower follower = new ReferenceFollower(root, Set.of("aws_iam_role.svc[\"api\"]", "aws_iam_role.svc[\"worker\"]"));
        assertEquals(List.of(ref("aws_iam_role.svc[\"worker\"]", null), ref("each.key", null)),
                follower.follow("module.svc[\"worker\"]", json("{\"references\":[\"var.role_arn\"]}")));
        // count.index pairs only numeric keys; a for_each key does not pair with count
        ConfigModule counted = module(Map.of("svc", new ConfigModule.ModuleCall("svc", "./svc",
                json("{\"role_arn\":{\"references\":[\"aws_iam_role.svc\",\"count.index\"]}}"), svc)), Map.of());
        ReferenceFollower byCount = new ReferenceFollower(counted, Set.of("aws_iam_role.svc[0]", "aws_iam_role.svc[1]"));
        assertEquals(List.of(ref("aws_iam_role.svc[1]", null), ref("count.index", null)),
                byCount.follow("module.svc[1]", json("{\"references\":[\"var.role_arn\"]}")));
    }

    @Test
    void cyclesEnd() throws Exception {
        // module a's output is its variable, and the caller passes module a's output back in
        ConfigModule a = module(Map.of(), Map.of("out", json("{\"references\":[\"var.in\"]}")));
        ConfigModule root = module(Map.of("a", new ConfigModule.ModuleCall("a", "./a",
                json("{\"in\":{\"references\":[\"module.a.out\",\"module.a\"]}}"), a)), Map.of());
        ReferenceFollower follower = new ReferenceFollower(root, Set.of());
        assertEquals(List.of(), follower.follow("", json("{\"references\":[\"module.a.out\"]}")));
    }

    @Test
    void unfollowableReferencesAreRecordedWithTheirModulePath() throws Exception {
        ReferenceFollower follower = new ReferenceFollower(ConfigModule.empty(), Set.of());
        List<Reference> refs = follower.follow("module.svc[\"api\"]",
                json("{\"references\":[\"local.exec_arn\",\"each.value\",\"count.index\",\"path.module\"]}"));
        assertEquals(List.of(ref("module.svc[\"api\"].local.exec_arn", null), ref("module.svc[\"api\"].each.value", null),
                ref("module.svc[\"api\"].count.index", null), ref("module.svc[\"api\"].path.module", null)), refs);
        refs.forEach(r -> assertEquals(false, r.isFollowable(), r.toString()));
    }
}
