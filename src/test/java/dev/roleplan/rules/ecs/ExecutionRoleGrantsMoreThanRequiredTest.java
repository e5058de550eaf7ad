package dev.roleplan.rules.ecs;

import dev.roleplan.engine.Finding;
import dev.roleplan.testing.Fixtures.RoleBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.roleplan.rules.ecs.EcsScenes.ACCOUNT;
import static dev.roleplan.rules.ecs.EcsScenes.EXACT_POLICY;
import static dev.roleplan.rules.ecs.EcsScenes.EXEC_MANAGED;
import static dev.roleplan.rules.ecs.EcsScenes.LOG_GROUP;
import static dev.roleplan.rules.ecs.EcsScenes.PULL_AND_LOGS;
import static dev.roleplan.rules.ecs.EcsScenes.SECRET;
import static dev.roleplan.rules.ecs.EcsScenes.TD;
import static dev.roleplan.rules.ecs.EcsScenes.allow;
import static dev.roleplan.rules.ecs.EcsScenes.managedExecutionPolicy;
import static dev.roleplan.rules.ecs.EcsScenes.place;
import static dev.roleplan.rules.ecs.EcsScenes.run;
import static dev.roleplan.rules.ecs.EcsScenes.web;
import static dev.roleplan.testing.Fixtures.container;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ExecutionRoleGrantsMoreThanRequiredTest {

    private final ExecutionRoleGrantsMoreThanRequired rule = new ExecutionRoleGrantsMoreThanRequired();

    private List<Finding> check(RoleBuilder exec) {
        return run(place().build(taskDefinition(TD).execution(exec).container(web())), rule);
    }

    private static List<String> lines(List<Finding> findings) {
        return findings.stream().map(f -> f.severity().label() + " " + f.policy() + "#" + f.statement() + ": " + f.message()).toList();
    }

    @Test
    void doneWhen_theManagedExecutionPolicyGetsASuggestionScopedToTheOneRepositoryAndLogGroup() {
        List<Finding> found = check(role("aws_iam_role.exec").managed(EXEC_MANAGED, managedExecutionPolicy())
                .inline("aws_iam_role_policy.secrets", allow("secretsmanager:GetSecretValue", SECRET)));
        assertEquals(List.of("medium " + EXEC_MANAGED + "#0: The execution role aws_iam_role.exec of " + TD
                + " allows, through " + EXEC_MANAGED + ", more than its containers need: ecr:BatchCheckLayerAvailability, "
                + "ecr:BatchGetImage, ecr:GetDownloadUrlForLayer, logs:CreateLogStream, logs:PutLogEvents on *. Replace them "
                + "with the suggested policy, which grants exactly what the task definition uses (EcrAuth, EcrPull, Logs, "
                + "Secrets)."), lines(found));
        assertEquals(EXACT_POLICY, SuggestedPolicyJson.of(found.get(0).suggestion()));
    }

    @Test
    void silentWhenTheRoleGrantsExactlyWhatIsNeeded() {
        assertEquals(List.of(), check(role("aws_iam_role.exec").inline("aws_iam_role_policy.exec", EXACT_POLICY)));
        assertEquals(List.of(), check(role("aws_iam_role.exec").inline("aws_iam_role_policy.exec", PULL_AND_LOGS)),
                "granting less is RP201's business, not RP202's");
        assertEquals(List.of(), check(role("aws_iam_role.exec").inline("aws_iam_role_policy.exec", EXACT_POLICY)
                .inline("aws_iam_role_policy.streams", allow("logs:PutLogEvents",
                        "arn:aws:logs:eu-west-1:" + ACCOUNT + ":log-group:/ecs/web:log-stream:*"))),
                "a narrower pattern inside a required one grants nothing more");
    }

    @Test
    void secretsNoContainerReadsAndLogsOnEveryGroup() {
        List<Finding> found = check(role("aws_iam_role.exec").inline("aws_iam_role_policy.exec", EXACT_POLICY)
                .inline("aws_iam_role_policy.extra", """
                        {"Statement":[{"Sid":"AllSecrets","Effect":"Allow","Action":"secretsmanager:GetSecretValue",
                                       "Resource":["arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbC123",
                                                   "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/*"]},
                                      {"Sid":"AnyLogs","Effect":"Allow","Action":"logs:*","Resource":"*"}]}"""));
        assertEquals(List.of("medium aws_iam_role_policy.extra#null: The execution role aws_iam_role.exec of " + TD
                + " allows, through aws_iam_role_policy.extra, more than its containers need: secretsmanager:GetSecretValue on "
                + "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/*; logs:CreateLogGroup, logs:CreateLogStream, "
                + "logs:PutLogEvents on *. Replace them with the suggested policy, which grants exactly what the task "
                + "definition uses (EcrAuth, EcrPull, Logs, Secrets)."), lines(found));
    }

    @Test
    void oneStatementIsNamed() {
        List<Finding> found = check(role("aws_iam_role.exec").inline("aws_iam_role_policy.exec", EXACT_POLICY)
                .inline("aws_iam_role_policy.kms", """
                        {"Statement":[{"Sid":"Decrypt","Effect":"Allow","Action":"kms:Decrypt","Resource":"*",
                                       "Condition":{"StringEquals":{"kms:ViaService":"secretsmanager.eu-west-1.amazonaws.com"}}}]}"""));
        assertEquals(List.of("medium aws_iam_role_policy.kms#Decrypt: The execution role aws_iam_role.exec of " + TD
                + " allows, through aws_iam_role_policy.kms, more than its containers need: kms:Decrypt on * (some with "
                + "conditions). Replace them with the suggested policy, which grants exactly what the task definition uses "
                + "(EcrAuth, EcrPull, Logs, Secrets)."), lines(found));
    }

    @Test
    void aDenyThatTakesTheExcessAwayLeavesNothingToReport() {
        assertEquals(List.of(), check(role("aws_iam_role.exec").inline("aws_iam_role_policy.exec", EXACT_POLICY)
                .inline("aws_iam_role_policy.broad", allow("secretsmanager:GetSecretValue", "*"))
                .inline("aws_iam_role_policy.guard", """
                        {"Statement":[{"Effect":"Deny","Action":"secretsmanager:*",
                                       "NotResource":"arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbC123"}]}""")));
    }

    @Test
    void aTaskDefinitionThatNeedsNothingGetsNoSuggestion() {
        List<Finding> found = run(place().build(taskDefinition(TD).container(container("app").image("public.ecr.aws/nginx/nginx:1"))
                .execution(role("aws_iam_role.exec").managed(EXEC_MANAGED, managedExecutionPolicy()))), rule);
        assertEquals(1, found.size());
        assertEquals("The execution role aws_iam_role.exec of " + TD + " allows, through " + EXEC_MANAGED + ", more than its "
                + "containers need: ecr:BatchCheckLayerAvailability, ecr:BatchGetImage, ecr:GetAuthorizationToken, "
                + "ecr:GetDownloadUrlForLayer, logs:CreateLogStream, logs:PutLogEvents on *. The task definition needs no "
                + "execution-role permissions at all: remove these grants.", found.get(0).message());
        assertNull(found.get(0).suggestion());
    }

    @Test
    void unknownPartsOfARequirementCountAsAnyValue() {
        // The region is unknown: a grant in any region of the right log group is within the requirement.
        List<Finding> found = run(dev.roleplan.testing.Fixtures.scene().account(ACCOUNT).build(taskDefinition(TD)
                .container(container("app").log("awslogs", "awslogs-group", "/ecs/web"))
                .execution(role("aws_iam_role.exec").inline("aws_iam_role_policy.exec",
                        allow("logs:PutLogEvents", LOG_GROUP).replace("]}",
                                ",{\"Effect\":\"Allow\",\"Action\":\"logs:CreateLogStream\",\"Resource\":\"" + LOG_GROUP + "\"}]}")))),
                rule);
        assertEquals(List.of(), found);
    }

    @Test
    void silentWhenWhatTheContainersNeedIsNotFullyKnown() {
        dev.roleplan.model.TaskDefinition known = taskDefinition(TD).container(web())
                .execution(role("aws_iam_role.exec").managed(EXEC_MANAGED, managedExecutionPolicy())).build();
        dev.roleplan.model.TaskDefinition unknown = new dev.roleplan.model.TaskDefinition(known.address(), known.family(),
                dev.roleplan.model.Value.unknown("container_definitions is known only after apply"), List.of(),
                known.executionRole(), known.taskRole(), known.change(), null, List.of());
        dev.roleplan.model.Model model = new dev.roleplan.model.Model(List.of(), List.of(unknown),
                List.of(known.executionRole().role()), List.of(), place().context(), List.of(), java.util.Set.of(), null);
        assertEquals(List.of(), run(model, rule));
        assertEquals(List.of(), run(place().build(taskDefinition(TD).container(container("app").secret("X", "${var.arn}"))
                .execution(role("aws_iam_role.exec").managed(EXEC_MANAGED, managedExecutionPolicy()))), rule));
    }
}
