package dev.roleplan.input.plan;

import dev.roleplan.input.InputException;
import dev.roleplan.model.Address;
import dev.roleplan.model.ChangeAction;
import dev.roleplan.model.Infrastructure;
import dev.roleplan.model.Notice;
import dev.roleplan.model.Reference;
import dev.roleplan.model.Resource;
import dev.roleplan.model.UnknownValue;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanReaderTest {

    private static final Path PLANS = Path.of("testdata/plans");
    private static final Path MODULES = PLANS.resolve("modules_for_each_roles_from_module_outputs.json");

    private static Infrastructure read(byte[] bytes) {
        return new PlanReader().read(new ByteArrayInputStream(bytes), "plan.json");
    }

    private static Infrastructure read(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static InputException refused(String json) {
        return refused(json.getBytes(StandardCharsets.UTF_8));
    }

    private static InputException refused(byte[] bytes) {
        InputException e = assertThrows(InputException.class, () -> read(bytes));
        assertTrue(e.getMessage().startsWith("plan.json"), e.getMessage());
        return e;
    }

    private static Resource resource(Infrastructure input, String address) {
        return input.resources().stream().filter(r -> r.address().text().equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + address + " in " + input.resources().stream().map(Resource::address).toList()));
    }

    // ---- what is read ------------------------------------------------------------------------------

    @Test
    void keepsOnlyRelevantTypesWithAbsoluteAddressesAndChanges() throws Exception {
        Infrastructure input = new PlanReader().read(MODULES);
        assertEquals(List.of(
                        "data.aws_caller_identity.current",
                        "module.iam.aws_iam_role.execution",
                        "module.iam.aws_iam_role.task",
                        "module.iam.aws_iam_role_policy.task",
                        "module.iam.aws_iam_role_policy_attachment.execution",
                        "module.iam.data.aws_iam_policy_document.ecs_tasks_assume",
                        "module.svc[\"api\"].aws_ecs_task_definition.this",
                        "module.svc[\"worker\"].aws_ecs_task_definition.this"),
                input.resources().stream().map(r -> r.address().text()).toList());
        assertEquals("plan", input.input().kind());
        assertEquals("1.9.5", input.input().terraformVersion());
        assertEquals("1.2", input.input().formatVersion());
        assertEquals("eu-west-1", input.context().region().orNull());
        assertEquals("123456789012", input.context().account().orNull());

        Resource td = resource(input, "module.svc[\"api\"].aws_ecs_task_definition.this");
        assertEquals(ChangeAction.CREATE, td.change());
        assertEquals("aws_ecs_task_definition", td.type());
        assertEquals("managed", td.mode());
        assertEquals("this", td.name());
        assertNull(td.before());
        assertEquals("shop-api", td.value("family"));
        // unknown leaves carry the references the configuration computes them from, made absolute
        UnknownValue execution = assertInstanceOf(UnknownValue.class, td.value("execution_role_arn"));
        assertEquals(List.of(new Reference(Address.of("module.iam.aws_iam_role.execution"), "arn")), execution.references());
        assertEquals(List.of(new Reference(Address.of("module.iam.aws_iam_role.task"), "arn")), td.referencesOf("task_role_arn"));

        Resource document = resource(input, "module.iam.data.aws_iam_policy_document.ecs_tasks_assume");
        assertTrue(document.isData());
        assertEquals(ChangeAction.NONE, document.change());
        assertTrue(((String) document.value("json")).contains("ecs-tasks.amazonaws.com"));
    }

    @Test
    void numbersAreBigDecimalAndUnknownListElementsKeepTheirPlace() throws Exception {
        Infrastructure input = new PlanReader().read(PLANS.resolve("data_policy_documents_from_prior_state_and_rebuilt.json"));
        Resource role = resource(input, "module.app.aws_iam_role.task");
        assertEquals(new BigDecimal("3600"), role.value("max_session_duration"));
        Resource document = resource(input, "module.app.data.aws_iam_policy_document.task");
        assertEquals(ChangeAction.READ, document.change());
        assertInstanceOf(UnknownValue.class, document.value("json"));
        @SuppressWarnings("unchecked")
        List<Object> resources = (List<Object>) ((Map<String, Object>) ((List<Object>) document.value("statement")).get(0)).get("resources");
        assertEquals(2, resources.size());
        UnknownValue bucket = assertInstanceOf(UnknownValue.class, resources.get(0));
        assertEquals(List.of(new Reference(Address.of("module.app.aws_s3_bucket.data"), "arn")), bucket.references());
        assertEquals("arn:aws:s3:::static-assets/*", resources.get(1));
        // local.* cannot be followed: recorded as such, with its module path
        Reference local = resource(input, "module.app.data.aws_iam_policy_document.merged").referencesOf("source_policy_documents").get(0);
        assertEquals("module.app.local.extra_documents", local.target().text());
        assertFalse(local.isFollowable());
    }

    @Test
    void sensitiveValuesAreCollected() throws Exception {
        Infrastructure input = new PlanReader().read(PLANS.resolve("sensitive_values_collected.json"));
        Set<String> sensitive = input.sensitiveValues();
        assertTrue(sensitive.contains("hunter2-db-Pa55"), "sensitive root variable");
        assertTrue(sensitive.contains("tok-9f8e7d6c5b4a"), "sensitive root variable");
        assertFalse(sensitive.contains("info"), "log_level is not sensitive");
        String containers = (String) resource(input, "aws_ecs_task_definition.billing").value("container_definitions");
        assertTrue(sensitive.contains(containers), "after_sensitive marks the whole container_definitions");
    }

    @Test
    void openTofuEphemeralResourcesAreSkippedWithANotice() throws Exception {
        Infrastructure input = new PlanReader().read(PLANS.resolve("opentofu_forget_replace_and_ephemeral.json"));
        assertEquals(ChangeAction.FORGET, resource(input, "aws_ecs_task_definition.app").change());
        assertTrue(input.resources().stream().noneMatch(r -> r.address().text().startsWith("ephemeral.")));
        assertEquals(List.of(Notice.info(MODULES.getFileName().toString().replace(MODULES.getFileName().toString(),
                        PLANS.resolve("opentofu_forget_replace_and_ephemeral.json").toString()),
                "skipped 1 resource(s) in mode \"ephemeral\", which hold nothing to analyse")), input.notices());
    }

    @Test
    void configurationConstantFillsAnAbsentValueButNeverAnUnknownOne() {
        String plan = """
                {"format_version":"1.2","planned_values":{"root_module":{"resources":[
                  {"address":"aws_ecs_task_definition.a","mode":"managed","type":"aws_ecs_task_definition","name":"a","values":{}}]}},
                 "resource_changes":[{"address":"aws_ecs_task_definition.a","mode":"managed","type":"aws_ecs_task_definition","name":"a",
                   "change":{"actions":["create"],"before":null,"after":{},"after_unknown":{"task_role_arn":true}}}],
                 "configuration":{"root_module":{"resources":[{"address":"aws_ecs_task_definition.a","mode":"managed",
                   "type":"aws_ecs_task_definition","name":"a","expressions":{"family":{"constant_value":"fam"},
                   "task_role_arn":{"constant_value":"arn:aws:iam::1:role/x"}}}]}}}""";
        Resource td = read(plan).resources().get(0);
        assertEquals("fam", td.value("family"));
        assertInstanceOf(UnknownValue.class, td.value("task_role_arn"));
    }

    @Test
    void irrelevantResourcesAreSkippedEvenWhenValuesComeBeforeType() {
        String plan = """
                {"format_version":"1.2","planned_values":{"root_module":{"resources":[
                  {"values":{"big":[1,2,3]},"address":"aws_instance.web","mode":"managed","type":"aws_instance","name":"web"},
                  {"values":{"name":"r"},"address":"aws_iam_role.r","mode":"managed","type":"aws_iam_role","name":"r"}]}}}""";
        Infrastructure input = read(plan);
        assertEquals(List.of("aws_iam_role.r"), input.resources().stream().map(r -> r.address().text()).toList());
        assertEquals("r", input.resources().get(0).value("name"));
    }

    @Test
    void deposedObjectsAreSkippedAndDriftIsIgnored() {
        String plan = """
                {"format_version":"1.2","resource_changes":[
                  {"address":"aws_iam_role.r","mode":"managed","type":"aws_iam_role","name":"r","deposed":"00000001",
                   "change":{"actions":["delete"],"before":{"name":"old"},"after":null}},
                  {"address":"aws_iam_role.r","mode":"managed","type":"aws_iam_role","name":"r",
                   "change":{"actions":["create"],"before":null,"after":{"name":"new"},"after_unknown":{"arn":true}}}],
                 "resource_drift":[{"address":"aws_iam_role.r","mode":"managed","type":"aws_iam_role","name":"r",
                   "change":{"actions":["update"],"before":{"name":"drifted"},"after":{"name":"drifted"}}}]}""";
        Infrastructure input = read(plan);
        assertEquals(1, input.resources().size());
        assertEquals("new", input.resources().get(0).value("name"));
        assertInstanceOf(UnknownValue.class, input.resources().get(0).value("arn"));
        assertEquals(List.of(Notice.info("plan.json", "skipped 1 deposed object(s): they are being destroyed")), input.notices());
    }

    @Test
    void priorStateFillsWhatTheChangesLeaveOutAndGivesBefore() {
        String plan = """
                {"format_version":"1.2","planned_values":{"root_module":{}},
                 "prior_state":{"format_version":"1.0","values":{"root_module":{"resources":[
                   {"address":"aws_iam_role.r","mode":"managed","type":"aws_iam_role","name":"r","values":{"name":"r","arn":"arn:aws:iam::1:role/r"}}]}}}}""";
        Resource role = read(plan).resources().get(0);
        assertEquals(ChangeAction.NONE, role.change());
        assertEquals("arn:aws:iam::1:role/r", role.value("arn"));
        assertEquals("r", role.before().get("name"));
    }

    @Test
    void handTrimmedResourcesWithoutTypeOrModeAreKnownByTheirAddress() {
        Infrastructure input = read("""
                {"planned_values":{"root_module":{"child_modules":[{"resources":[
                  {"address":"module.m.data.aws_iam_role.r","values":{"name":"r"}},
                  {"address":"module.m.aws_s3_bucket.b","values":{"bucket":"b"}}]}]}}}""");
        assertEquals(1, input.resources().size());
        Resource role = input.resources().get(0);
        assertEquals("aws_iam_role", role.type());
        assertTrue(role.isData());
    }

    @Test
    void missingFormatVersionIsAllowedWithANotice() {
        Infrastructure input = read("{\"planned_values\":{\"root_module\":{}}}");
        assertEquals(List.of(Notice.info("plan.json", "no format_version: read as a hand-trimmed plan")), input.notices());
        assertNull(input.input().formatVersion());
    }

    @Test
    void formatVersionsBelowTwoAreAcceptedAndTwoIsRefused() {
        assertEquals("1.3", read("{\"format_version\":\"1.3\",\"planned_values\":{}}").input().formatVersion());
        assertEquals("0.1", read("{\"format_version\":\"0.1\",\"planned_values\":{}}").input().formatVersion());
        InputException e = refused("{\"format_version\":\"2.0\",\"planned_values\":{}}");
        assertEquals("format_version", e.location());
        assertTrue(e.problem().contains("2.0 is not supported"), e.problem());
        assertTrue(refused("{\"format_version\":\"abc\"}").problem().contains("not a version number"));
    }

    // ---- encodings and the wrapper -------------------------------------------------------------------

    @Test
    void utf8BomAndUtf16WithBomReadTheSameAsUtf8() throws Exception {
        byte[] utf8 = Files.readAllBytes(MODULES);
        List<Resource> expected = read(utf8).resources();
        String text = new String(utf8, StandardCharsets.UTF_8);
        assertEquals(expected, read(concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8)).resources());
        assertEquals(expected, read(concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE))).resources());
        assertEquals(expected, read(concat(new byte[]{(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE))).resources());
    }

    @Test
    void setupTerraformWrapperLinesAreSkippedWithAWarning() throws Exception {
        byte[] plan = Files.readAllBytes(MODULES);
        byte[] wrapped = concat(concat("[command]/home/runner/work/_temp/terraform-bin show -json plan.tfplan\n"
                .getBytes(StandardCharsets.UTF_8), plan), "::debug::Terraform exited with code 0.\n::set-output name=exitcode::0\n"
                .getBytes(StandardCharsets.UTF_8));
        Infrastructure input = read(wrapped);
        assertEquals(read(plan).resources(), input.resources());
        assertEquals(1, input.notices().size());
        assertEquals(Notice.Level.WARNING, input.notices().get(0).level());
        assertTrue(input.notices().get(0).message().contains("setup-terraform"));
    }

    @Test
    void realWrapperOutputFromTheCorpusIsRead() throws Exception {
        Infrastructure input = new PlanReader().read(PLANS.resolve("corpus/infracost__infracost__cmd__infracost__testdata__plan_with_terraform_wrapper.json"));
        assertEquals("1.0.11", input.input().terraformVersion());
        assertEquals(Notice.Level.WARNING, input.notices().get(0).level());
    }

    // ---- refusals -------------------------------------------------------------------------------------

    @Test
    void truncatedJsonIsRefusedWithItsPlace() throws Exception {
        byte[] plan = Files.readAllBytes(MODULES);
        byte[] half = java.util.Arrays.copyOf(plan, plan.length / 2);
        InputException e = refused(half);
        assertTrue(e.problem().startsWith("is truncated or not valid JSON"), e.problem());
        assertTrue(e.location().startsWith("line 1, column "), e.location());
    }

    @Test
    void notJsonArraysStatesAndRandomObjectsAreRefused() {
        assertTrue(refused("hello").problem().startsWith("is not valid JSON"));
        assertTrue(refused("[{\"format_version\":\"1.2\"}]").problem().startsWith("is a JSON array, not a Terraform plan"));
        assertTrue(refused("\"plan\"").problem().startsWith("is a single JSON string"));
        assertTrue(refused("{\"format_version\":\"1.0\",\"values\":{\"root_module\":{}}}").problem().startsWith("is a Terraform state"));
        assertTrue(refused("{\"name\":\"x\",\"items\":[1,2]}").problem().startsWith("is JSON but not a Terraform plan"));
        assertTrue(refused("").problem().startsWith("the file is empty"));
        assertTrue(refused("   ").problem().startsWith("holds no JSON value"));
        assertTrue(refused("{\"planned_values\":{}} {}").problem().startsWith("has more JSON after the plan object"));
    }

    @Test
    void parseErrorsNeverQuoteTheInput() {
        InputException e = refused("{\"variables\":{\"db_password\":{\"value\":hunter2secret}}}");
        assertTrue(e.problem().startsWith("is not valid JSON: Unrecognized token"), e.problem());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertFalse(e.getMessage().contains("unter"), e.getMessage());
    }

    @Test
    void invalidUtf8IsRefusedWithItsByteOffset() {
        byte[] bytes = "{\"format_version\":\"1.2\",\"terraform_version\":\"1.9\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        byte[] broken = java.util.Arrays.copyOf(bytes, bytes.length);
        int at = indexOf(broken, (byte) 0xC3);
        broken[at + 1] = 0x28;
        InputException e = refused(broken);
        assertTrue(e.problem().startsWith("is not valid UTF-8"), e.problem());
        assertTrue(e.location().contains("byte "), e.location());
    }

    @Test
    void nulBytesAreRefused() {
        assertTrue(refused(new byte[]{'{', 0, '"', 0}).problem().contains("NUL byte"));
        InputException inside = refused("{\"format_version\":\"1.2\",\u0000\"planned_values\":{}}");
        assertTrue(inside.problem().startsWith("is not valid JSON"), inside.problem());
        InputException inString = refused("{\"format_version\":\"1.\u00002\"}");
        assertTrue(inString.problem().startsWith("is not valid JSON"), inString.problem());
    }

    @Test
    void hostileNestingAndHugeStringsAreRefusedNotFatal() {
        String deep = "{\"planned_values\":{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}}";
        InputException nesting = refused(deep);
        assertTrue(nesting.problem().startsWith("refused: "), nesting.problem());
        assertTrue(nesting.problem().contains("nesting depth"), nesting.problem());

        PlanReader small = new PlanReader(new dev.roleplan.input.InputLimits(
                dev.roleplan.input.InputLimits.DEFAULT_MAX_INPUT_BYTES, 1000, 1000));
        String longString = "{\"terraform_version\":\"" + "x".repeat(5000) + "\"}";
        InputException e = assertThrows(InputException.class,
                () -> small.read(new ByteArrayInputStream(longString.getBytes(StandardCharsets.UTF_8)), "big.json"));
        assertTrue(e.getMessage().startsWith("big.json"), e.getMessage());
        assertTrue(e.problem().contains("String value length"), e.problem());
    }

    @Test
    void wrongTypesNameTheJsonPath() {
        InputException changes = refused("{\"format_version\":\"1.2\",\"resource_changes\":{}}");
        assertEquals("resource_changes", changes.location());
        assertEquals("resource_changes must be a JSON array, found object", changes.problem());

        InputException actions = refused("{\"resource_changes\":[{\"address\":\"aws_iam_role.r\",\"mode\":\"managed\","
                + "\"type\":\"aws_iam_role\",\"name\":\"r\",\"change\":{\"actions\":\"create\"}}]}");
        assertEquals("resource_changes[0].change.actions", actions.location());

        InputException type = refused("{\"planned_values\":{\"root_module\":{\"resources\":[{\"type\":7}]}}}");
        assertEquals("planned_values.root_module.resources[0].type", type.location());
        assertEquals("type must be a string, found number", type.problem());
    }

    @Test
    void missingFileAndDirectoryAreRefused(@org.junit.jupiter.api.io.TempDir Path dir) {
        InputException missing = assertThrows(InputException.class, () -> new PlanReader().read(dir.resolve("nope.json")));
        assertTrue(missing.getMessage().contains("nope.json"));
        assertEquals("no such file", missing.problem());
        assertEquals("is a directory, not a plan JSON file",
                assertThrows(InputException.class, () -> new PlanReader().read(dir)).problem());
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new AssertionError("byte not found");
    }
}
