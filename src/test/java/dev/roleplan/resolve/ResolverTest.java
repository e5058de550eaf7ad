package dev.roleplan.resolve;

import dev.roleplan.model.AccountContext;
import dev.roleplan.model.Address;
import dev.roleplan.model.AttachedPolicy;
import dev.roleplan.model.ChangeAction;
import dev.roleplan.model.EcsService;
import dev.roleplan.model.Infrastructure;
import dev.roleplan.model.InputInfo;
import dev.roleplan.model.Model;
import dev.roleplan.model.Notice;
import dev.roleplan.model.PolicySource;
import dev.roleplan.model.Reference;
import dev.roleplan.model.Resource;
import dev.roleplan.model.RoleStatus;
import dev.roleplan.model.SourceLocation;
import dev.roleplan.model.TaskDefinition;
import dev.roleplan.model.UnknownValue;
import dev.roleplan.model.Value;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The resolver on hand-built resources: it knows no input format, so neither do these tests. */
class ResolverTest {

    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/app";

    private static Resource resource(String address, String type, Map<String, Object> values, Map<String, List<Reference>> refs) {
        Address a = Address.of(address);
        String local = a.withoutInstanceKey().local();
        String name = local.substring(local.lastIndexOf('.') + 1);
        return new Resource(a, local.startsWith("data.") ? "data" : "managed", type, name, values, null, ChangeAction.CREATE,
                refs, SourceLocation.ofFile("main.tf"));
    }

    private static Map<String, Object> values(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static Reference ref(String target, String attribute) {
        return new Reference(Address.of(target), attribute);
    }

    private static Infrastructure input(String path, Resource... resources) {
        return new Infrastructure(new InputInfo(path, "hcl", null, null), List.of(resources), AccountContext.unknown(),
                List.of(), Set.of());
    }

    private static Model resolve(Infrastructure... inputs) {
        return new Resolver(ManagedPolicyLookup.none()).resolve(List.of(inputs));
    }

    private static Resource role() {
        return resource("aws_iam_role.app", "aws_iam_role", values("name", "app", "arn", ROLE_ARN, "assume_role_policy", TRUST), Map.of());
    }

    @Test
    void aReferenceAndALiteralArnToTheSameRoleGiveTheSameRoleObject() {
        Resource td = resource("aws_ecs_task_definition.app", "aws_ecs_task_definition",
                values("family", "app", "execution_role_arn", new UnknownValue("known after apply", List.of(ref("aws_iam_role.app", "arn"))),
                        "task_role_arn", ROLE_ARN),
                Map.of());
        TaskDefinition resolved = resolve(input("a", role(), td)).taskDefinitions().get(0);
        assertEquals(RoleStatus.RESOLVED, resolved.executionRole().status());
        assertSame(resolved.executionRole().role(), resolved.taskRole().role());
        assertEquals(Value.known(ROLE_ARN), resolved.taskRole().role().arn());
    }

    @Test
    void anUnresolvablePolicyAttachmentStaysVisible() {
        Resource attachment = resource("aws_iam_role_policy_attachment.extra", "aws_iam_role_policy_attachment",
                values("role", "app", "policy_arn", new UnknownValue("known after apply", List.of(ref("local.policy_arn", null)))),
                Map.of());
        Resource td = resource("aws_ecs_task_definition.app", "aws_ecs_task_definition", values("task_role_arn", ROLE_ARN), Map.of());
        AttachedPolicy policy = resolve(input("a", role(), attachment, td)).taskDefinitions().get(0).taskRole().role().policies().get(0);
        assertEquals("aws_iam_role_policy_attachment.extra.policy_arn", policy.id());
        assertEquals(PolicySource.EXTERNAL, policy.source());
        Value.Unknown<?> unknown = (Value.Unknown<?>) policy.document();
        assertEquals("aws_iam_role_policy_attachment.extra.policy_arn is computed from local.policy_arn, which a plan does not record",
                unknown.reason());
    }

    @Test
    void inputsAreMergedWithTaskDefinitionsSortedByAddress() {
        Resource b = resource("aws_ecs_task_definition.b", "aws_ecs_task_definition", values("family", "b"), Map.of());
        Resource a = resource("module.x.aws_ecs_task_definition.a", "aws_ecs_task_definition", values("family", "a"), Map.of());
        Resource c = resource("aws_ecs_task_definition.a", "aws_ecs_task_definition", values("family", "c"), Map.of());
        Model model = resolve(input("one", b, a), input("two", c));
        assertEquals(List.of("aws_ecs_task_definition.a", "aws_ecs_task_definition.b", "module.x.aws_ecs_task_definition.a"),
                model.taskDefinitions().stream().map(t -> t.address().text()).toList());
        assertEquals(List.of("one", "two"), model.inputs().stream().map(InputInfo::path).toList());
        assertEquals(RoleStatus.ABSENT, model.taskDefinitions().get(0).executionRole().status());
    }

    @Test
    void servicesLinkByReferenceOrByFamily() {
        Resource td = resource("aws_ecs_task_definition.app", "aws_ecs_task_definition", values("family", "app"), Map.of());
        Resource byRef = resource("aws_ecs_service.one", "aws_ecs_service",
                values("task_definition", new UnknownValue("known after apply", List.of(ref("aws_ecs_task_definition.app", "arn"))),
                        "enable_execute_command", true), Map.of());
        Resource byFamily = resource("aws_ecs_service.two", "aws_ecs_service",
                values("task_definition", "arn:aws:ecs:eu-west-1:123456789012:task-definition/app:7"), Map.of());
        Resource elsewhere = resource("aws_ecs_service.three", "aws_ecs_service", values("task_definition", "other:1"), Map.of());
        List<EcsService> services = resolve(input("a", td, byRef, byFamily, elsewhere)).services();
        assertEquals(List.of("aws_ecs_service.one", "aws_ecs_service.three", "aws_ecs_service.two"),
                services.stream().map(s -> s.address().text()).toList());
        assertEquals(Address.of("aws_ecs_task_definition.app"), services.get(0).taskDefinition());
        assertTrue(services.get(0).enableExecuteCommand());
        assertNull(services.get(1).taskDefinition());
        assertEquals(Address.of("aws_ecs_task_definition.app"), services.get(2).taskDefinition());
    }

    @Test
    void deletedTaskDefinitionsAreNotAnalysedButSaidSo() {
        Resource gone = new Resource(Address.of("aws_ecs_task_definition.old"), "managed", "aws_ecs_task_definition", "old",
                null, values("family", "old"), ChangeAction.DELETE, Map.of(), SourceLocation.ofFile("plan.json"));
        Model model = resolve(input("plan.json", gone));
        assertEquals(List.of(), model.taskDefinitions());
        assertEquals(List.of(Notice.info("plan.json", "aws_ecs_task_definition.old is being deleted; it is not analysed")),
                model.notices());
        assertEquals(List.of("aws_ecs_task_definition.old"),
                model.before().taskDefinitions().stream().map(t -> t.address().text()).toList());
    }

    /** An unreadable container list is one warning, not also an info notice repeating it. */
    @Test
    void unreadableContainerDefinitionsAreSaidOnce() {
        Resource td = resource("aws_ecs_task_definition.app", "aws_ecs_task_definition",
                values("family", "app", "container_definitions", "[{\"name\": "), Map.of());
        Model model = resolve(input("infra", td));
        assertEquals(1, model.notices().size(), model.notices().toString());
        assertEquals(Notice.Level.WARNING, model.notices().get(0).level());
        assertTrue(model.notices().get(0).message().startsWith("aws_ecs_task_definition.app: container_definitions is not valid JSON"),
                model.notices().toString());
    }

    @Test
    void containerDefinitionsKnownOnlyAfterApplyAreSaidToBeUnchecked() {
        Reference image = ref("data.aws_ssm_parameter.image", "value");
        Resource td = resource("aws_ecs_task_definition.app", "aws_ecs_task_definition",
                values("family", "app", "container_definitions", new UnknownValue("known after apply", List.of(image))),
                Map.of("container_definitions", List.of(image)));
        Model model = resolve(input("infra", td));
        assertEquals(List.of(Notice.info("infra", "aws_ecs_task_definition.app: container_definitions is known only after "
                + "apply (computed from data.aws_ssm_parameter.image.value); what its containers use is not checked")),
                model.notices());
    }

    @Test
    void policiesReachARoleThroughEveryKindOfLink() {
        String doc = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\",\"Resource\":\"*\"}]}";
        Resource role = resource("aws_iam_role.app", "aws_iam_role", values("name", "app", "assume_role_policy", TRUST,
                "arn", new UnknownValue("known after apply", List.of()),
                "inline_policy", List.of(values("name", "from-document",
                        "policy", new UnknownValue("known after apply", List.of(ref("data.aws_iam_policy_document.d", "json"))))),
                "managed_policy_arns", new UnknownValue("known after apply", List.of(ref("aws_iam_policy.p", "arn")))),
                Map.of());
        Resource document = resource("data.aws_iam_policy_document.d", "aws_iam_policy_document", values("json", doc), Map.of());
        Resource policy = resource("aws_iam_policy.p", "aws_iam_policy", values("name", "p", "policy", doc,
                "arn", new UnknownValue("known after apply", List.of())), Map.of());
        Resource legacyAttachment = resource("aws_iam_policy_attachment.legacy", "aws_iam_policy_attachment",
                values("roles", List.of("app", "other"), "policy_arn", "arn:aws:iam::aws:policy/AmazonSQSFullAccess"), Map.of());
        Resource unrelated = resource("aws_iam_policy_attachment.unrelated", "aws_iam_policy_attachment",
                values("roles", List.of("other"), "policy_arn", "arn:aws:iam::aws:policy/AdministratorAccess"), Map.of());
        Resource td = resource("aws_ecs_task_definition.app", "aws_ecs_task_definition", values("task_role_arn", "app"), Map.of());
        List<AttachedPolicy> policies = resolve(input("a", role, document, policy, legacyAttachment, unrelated, td))
                .taskDefinitions().get(0).taskRole().role().policies();
        assertEquals(List.of(
                        "INLINE_BLOCK aws_iam_role.app.inline_policy[\"from-document\"] known",
                        "AWS_MANAGED arn:aws:iam::aws:policy/AmazonSQSFullAccess absent",
                        "CUSTOMER_MANAGED aws_iam_policy.p known"),
                policies.stream().map(p -> p.source() + " " + p.id() + " "
                        + (p.document().isKnown() ? "known" : p.document().isUnknown() ? "unknown" : "absent")).toList());
        assertEquals("sqs:SendMessage", policies.get(0).document().orNull().statements().get(0).actions().values().get(0));
    }

    @Test
    void anExternalRoleNamedByNameGetsAnArnWhenTheAccountIsKnown() {
        Resource td = resource("aws_ecs_task_definition.app", "aws_ecs_task_definition", values("task_role_arn", "billing"), Map.of());
        Infrastructure known = new Infrastructure(new InputInfo("a", "plan", null, null), List.of(td),
                new AccountContext(Value.absent(), Value.known("123456789012"), Value.known("aws-cn")), List.of(), Set.of());
        var external = resolve(known).taskDefinitions().get(0).taskRole();
        assertEquals(RoleStatus.EXTERNAL, external.status());
        assertEquals("arn:aws-cn:iam::123456789012:role/billing", external.arn());
        assertEquals("role name \"billing\" is not defined in this input", external.reason());
        assertNull(resolve(input("a", td)).taskDefinitions().get(0).taskRole().arn());
    }

    @Test
    void unknownRolesSayWhy() {
        Resource td = resource("aws_ecs_task_definition.app", "aws_ecs_task_definition", values(
                "execution_role_arn", new UnknownValue("known after apply", List.of(ref("module.roles", null), ref("each.key", null))),
                "task_role_arn", new UnknownValue("known after apply", List.of(ref("module.svc.local.task_arn", null)))), Map.of());
        TaskDefinition resolved = resolve(input("a", td)).taskDefinitions().get(0);
        assertEquals(RoleStatus.UNKNOWN, resolved.executionRole().status());
        assertEquals("execution_role_arn is computed from module.roles, each.key, an output of a module instance that is chosen "
                + "only at apply time", resolved.executionRole().reason());
        assertEquals("task_role_arn is computed from module.svc.local.task_arn, which a plan does not record",
                resolved.taskRole().reason());
    }

    @Test
    void accountAndPartitionComeFromKnownRoleArns() {
        Model model = resolve(input("a", role()));
        assertEquals(Value.known("123456789012"), model.context().account());
        assertEquals(Value.known("aws"), model.context().partition());
        assertEquals(Value.absent(), model.context().region());
    }
}
