package dev.roleplan.rules.change;

import dev.roleplan.engine.Engine;
import dev.roleplan.model.Model;
import dev.roleplan.testing.Fixtures.RoleBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.roleplan.testing.Fixtures.change;
import static dev.roleplan.testing.Fixtures.findings;
import static dev.roleplan.testing.Fixtures.model;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangeGrantsNewAccessTest {

    private final ChangeGrantsNewAccess rule = new ChangeGrantsNewAccess();

    private static String policy(String statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";
    }

    private static RoleBuilder taskRole(String statements) {
        return role("aws_iam_role.task").inline("aws_iam_role_policy.task", policy(statements));
    }

    private static Model plan(RoleBuilder before, RoleBuilder after) {
        return change(model(taskDefinition("aws_ecs_task_definition.api").task(before)),
                model(taskDefinition("aws_ecs_task_definition.api").task(after)));
    }

    private List<String> messages(Model m) {
        return new Engine(List.of(rule)).run(m).stream().map(f -> f.severity().label() + " " + f.message()).toList();
    }

    @Test
    void anAddedActionIsListedAtInfo() {
        Model m = plan(taskRole("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::assets/*\"}"),
                taskRole("{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:DeleteObject\"],\"Resource\":\"arn:aws:s3:::assets/*\"}"));
        assertEquals(List.of("RP701 info aws_ecs_task_definition.api | task aws_iam_role.task | - | -"), findings(m, rule));
        assertEquals(List.of("info After the change the task role aws_iam_role.task also allows "
                + "s3:DeleteObject on arn:aws:s3:::assets/*."), messages(m));
    }

    @Test
    void severityRisesToTheRiskFindingAboutTheNewAccess() {
        // s3:GetObject on "*" is RP403 (medium) and RP303 (medium); the new statement is what they are about
        Model m = plan(taskRole("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::assets/*\"}"),
                taskRole("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}"));
        assertEquals(List.of("medium After the change the task role aws_iam_role.task also allows s3:GetObject on *."
                + " Severity medium because of RP303 (allows-resource-wildcard) about this access."), messages(m));
        // a wildcard replacing a list: RP302 (high) names the new s3:* statement
        Model wider = plan(taskRole("{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\"],\"Resource\":\"arn:aws:s3:::assets/*\"}"),
                taskRole("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::assets/*\"}"));
        assertEquals(List.of("high After the change the task role aws_iam_role.task also allows s3:* except s3:GetObject, "
                + "s3:PutObject on arn:aws:s3:::assets/*. Severity high because of RP302 (allows-service-wildcard) about this access."),
                messages(wider));
    }

    @Test
    void aRiskFindingAboutOldAccessDoesNotRaiseTheSeverity() {
        String old = "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}";
        Model m = plan(taskRole(old), taskRole(old + ",{\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\","
                + "\"Resource\":\"arn:aws:sqs:us-east-1:123456789012:jobs\"}"));
        assertEquals(List.of("info After the change the task role aws_iam_role.task also allows "
                + "sqs:SendMessage on arn:aws:sqs:us-east-1:123456789012:jobs."), messages(m));
    }

    @Test
    void aRemovedDenyIsNewAccess() {
        String allow = "{\"Effect\":\"Allow\",\"Action\":\"s3:*Object\",\"Resource\":\"arn:aws:s3:::assets/*\"}";
        Model m = plan(taskRole(allow + ",{\"Effect\":\"Deny\",\"Action\":\"s3:DeleteObject\",\"Resource\":\"*\"}"),
                taskRole(allow));
        assertEquals(List.of("info After the change the task role aws_iam_role.task also allows "
                + "s3:DeleteObject on arn:aws:s3:::assets/*."), messages(m));
    }

    @Test
    void aLoosenedBoundaryIsNewAccess() {
        String allow = "{\"Effect\":\"Allow\",\"Action\":[\"sqs:SendMessage\",\"sqs:DeleteQueue\"],\"Resource\":\"arn:aws:sqs:us-east-1:123456789012:jobs\"}";
        Model m = plan(taskRole(allow).boundary("arn:aws:iam::123456789012:policy/b",
                        policy("{\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\",\"Resource\":\"*\"}")),
                taskRole(allow).boundary("arn:aws:iam::123456789012:policy/b",
                        policy("{\"Effect\":\"Allow\",\"Action\":\"sqs:*\",\"Resource\":\"*\"}")));
        assertEquals(List.of("info After the change the task role aws_iam_role.task also allows "
                + "sqs:DeleteQueue on arn:aws:sqs:us-east-1:123456789012:jobs."), messages(m));
    }

    @Test
    void aSwappedRoleIsComparedRoleAgainstRole() {
        RoleBuilder small = role("aws_iam_role.small").inline("aws_iam_role_policy.small",
                policy("{\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\",\"Resource\":\"arn:aws:sqs:us-east-1:123456789012:jobs\"}"));
        RoleBuilder big = role("aws_iam_role.big").inline("aws_iam_role_policy.big",
                policy("{\"Effect\":\"Allow\",\"Action\":[\"sqs:SendMessage\",\"sqs:ReceiveMessage\"],\"Resource\":\"arn:aws:sqs:us-east-1:123456789012:jobs\"}"));
        Model m = plan(small, big);
        assertEquals(List.of("RP701 info aws_ecs_task_definition.api | task aws_iam_role.big | - | -"), findings(m, rule));
        assertEquals(List.of("info The task role changes from aws_iam_role.small to aws_iam_role.big, which also allows "
                + "sqs:ReceiveMessage on arn:aws:sqs:us-east-1:123456789012:jobs."), messages(m));
    }

    @Test
    void aDetachedPolicyRemovesAccessAndIsNotReported() {
        RoleBuilder before = role("aws_iam_role.task")
                .inline("aws_iam_role_policy.a", policy("{\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\",\"Resource\":\"*\"}"))
                .attached("aws_iam_policy.b", policy("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::assets/*\"}"));
        RoleBuilder after = role("aws_iam_role.task")
                .inline("aws_iam_role_policy.a", policy("{\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\",\"Resource\":\"*\"}"));
        Model m = plan(before, after);
        assertEquals(List.of(), findings(m, rule));
        List<AccessDeltas.TaskDelta> deltas = AccessDeltas.between(m.before(), m);
        assertEquals(1, deltas.size());
        assertEquals(List.of("removed: s3:GetObject on arn:aws:s3:::assets/*"), deltas.get(0).delta().lines().stream()
                .map(l -> l.kind().label() + ": " + l.text()).toList());
    }

    @Test
    void aNoOpPlanHasNoDelta() {
        String same = "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}";
        Model m = plan(taskRole(same), taskRole(same));
        assertEquals(List.of(), findings(m, rule));
        assertEquals(List.of(), AccessDeltas.between(m.before(), m));
    }

    @Test
    void conditionsAddedAndRemoved() {
        String plain = "{\"Effect\":\"Allow\",\"Action\":\"kms:Decrypt\",\"Resource\":\"arn:aws:kms:us-east-1:123456789012:key/k\"}";
        String conditioned = "{\"Effect\":\"Allow\",\"Action\":\"kms:Decrypt\",\"Resource\":\"arn:aws:kms:us-east-1:123456789012:key/k\","
                + "\"Condition\":{\"StringEquals\":{\"kms:ViaService\":\"secretsmanager.us-east-1.amazonaws.com\"}}}";
        assertEquals(List.of("info After the change the task role aws_iam_role.task also allows kms:Decrypt on "
                + "arn:aws:kms:us-east-1:123456789012:key/k without the condition it had."), messages(plan(taskRole(conditioned), taskRole(plain))));
        // a condition added narrows access: no RP701
        assertEquals(List.of(), messages(plan(taskRole(plain), taskRole(conditioned))));
    }

    @Test
    void aNewTaskDefinitionListsEverythingItsRoleAllows() {
        RoleBuilder other = role("aws_iam_role.other").inline("aws_iam_role_policy.other",
                policy("{\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\",\"Resource\":\"*\"}"));
        Model m = change(model(taskDefinition("aws_ecs_task_definition.old").task(other)),
                model(taskDefinition("aws_ecs_task_definition.old").task(other), taskDefinition("aws_ecs_task_definition.api")
                .task(taskRole("{\"Effect\":\"Allow\",\"Action\":[\"sqs:SendMessage\",\"sqs:ReceiveMessage\"],\"Resource\":\"arn:aws:sqs:us-east-1:123456789012:jobs\"}"))));
        assertEquals(List.of("info New task definition: the task role aws_iam_role.task allows "
                + "sqs:ReceiveMessage, sqs:SendMessage on arn:aws:sqs:us-east-1:123456789012:jobs."), messages(m));
    }

    @Test
    void silentOnAFirstApply() {
        Model m = change(model(), model(taskDefinition("aws_ecs_task_definition.api")
                .task(taskRole("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}"))));
        assertEquals(List.of(), findings(m, rule));
    }

    @Test
    void silentWithoutPriorValues() {
        Model m = model(taskDefinition("aws_ecs_task_definition.api")
                .task(taskRole("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}")));
        assertEquals(List.of(), findings(m, rule));
    }

    @Test
    void taskDefinitionsSharingARoleEachGetTheirDelta() {
        String before = "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::assets/*\"}";
        String after = "{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:DeleteObject\"],\"Resource\":\"arn:aws:s3:::assets/*\"}";
        RoleBuilder was = taskRole(before);
        RoleBuilder is = taskRole(after);
        // one role object serves both task definitions on each side: compared once, reported for each
        Model m = change(model(taskDefinition("aws_ecs_task_definition.api").task(was), taskDefinition("aws_ecs_task_definition.worker").task(was)),
                model(taskDefinition("aws_ecs_task_definition.api").task(is), taskDefinition("aws_ecs_task_definition.worker").task(is)));
        assertEquals(List.of("RP701 info aws_ecs_task_definition.api | task aws_iam_role.task | - | -",
                "RP701 info aws_ecs_task_definition.worker | task aws_iam_role.task | - | -"), findings(m, rule));
    }

    /** The first implementation, searching the message for each action: the reference for the one in use. */
    private static boolean namesAnyBySearch(String lower, java.util.Set<String> lowerActions) {
        for (String a : lowerActions) {
            for (int i = lower.indexOf(a); i >= 0; i = lower.indexOf(a, i + 1)) {
                int end = i + a.length();
                boolean boundedLeft = i == 0 || !Character.isLetterOrDigit(lower.charAt(i - 1)) && lower.charAt(i - 1) != ':';
                boolean boundedRight = end == lower.length() || !Character.isLetterOrDigit(lower.charAt(end));
                if (boundedLeft && boundedRight) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void findingAnActionNamedInAMessageAgreesWithSearchingForEachAction() {
        java.util.List<String> names = java.util.List.of("s3:getobject", "s3:get", "s3-object-lambda:getobject",
                "iam:passrole", "vpc-lattice:associateviaawsservice-eventsandstates", "ecr:getauthorizationtoken",
                "lattice:associateviaawsservice", "sts:assumerole");
        String[] pieces = {"s3", "s3-object-lambda", "vpc-lattice", "lattice", "iam", ":", ":", "getobject", "get",
                "passrole", "associateviaawsservice", "-eventsandstates", "-", " ", ", ", "é", "x", "1", "*", "(", ")",
                "sts:assumerole", "ecr:getauthorizationtoken"};
        java.util.Random random = new java.util.Random(11);
        int named = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder message = new StringBuilder();
            for (int k = random.nextInt(8); k >= 0; k--) {
                message.append(pieces[random.nextInt(pieces.length)]);
            }
            java.util.Set<String> actions = new java.util.HashSet<>();
            for (String a : names) {
                if (random.nextBoolean()) {
                    actions.add(a);
                }
            }
            boolean expected = namesAnyBySearch(message.toString(), actions);
            assertEquals(expected, ChangeGrantsNewAccess.namesAny(message.toString(), actions::contains),
                    message + " with " + actions);
            named += expected ? 1 : 0;
        }
        assertTrue(named > 500, "the random messages name an action often enough to test both answers: " + named);
    }
}
