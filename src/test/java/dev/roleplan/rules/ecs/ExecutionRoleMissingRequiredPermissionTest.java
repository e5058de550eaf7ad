package dev.roleplan.rules.ecs;

import dev.roleplan.engine.Finding;
import dev.roleplan.model.Model;
import dev.roleplan.testing.Fixtures.RoleBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.roleplan.rules.ecs.EcsScenes.ACCOUNT;
import static dev.roleplan.rules.ecs.EcsScenes.EXACT_POLICY;
import static dev.roleplan.rules.ecs.EcsScenes.EXEC_MANAGED;
import static dev.roleplan.rules.ecs.EcsScenes.LOG_GROUP;
import static dev.roleplan.rules.ecs.EcsScenes.PULL_AND_LOGS;
import static dev.roleplan.rules.ecs.EcsScenes.REPOSITORY;
import static dev.roleplan.rules.ecs.EcsScenes.SECRET;
import static dev.roleplan.rules.ecs.EcsScenes.TD;
import static dev.roleplan.rules.ecs.EcsScenes.allow;
import static dev.roleplan.rules.ecs.EcsScenes.deny;
import static dev.roleplan.rules.ecs.EcsScenes.managedExecutionPolicy;
import static dev.roleplan.rules.ecs.EcsScenes.place;
import static dev.roleplan.rules.ecs.EcsScenes.run;
import static dev.roleplan.rules.ecs.EcsScenes.web;
import static dev.roleplan.testing.Fixtures.container;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class ExecutionRoleMissingRequiredPermissionTest {

    private final ExecutionRoleMissingRequiredPermission rule = new ExecutionRoleMissingRequiredPermission();

    private List<Finding> check(RoleBuilder exec) {
        return run(place().build(taskDefinition(TD).execution(exec).container(web())), rule);
    }

    private static List<String> messages(List<Finding> findings) {
        return findings.stream().map(f -> f.severity().label() + " " + f.policy() + "#" + f.statement() + ": " + f.message()).toList();
    }

    @Test
    void doneWhen_aMissingSecretPermissionNamesTheSecretTheContainerAndTheEcsError() {
        List<Finding> found = check(role("aws_iam_role.exec").inline("aws_iam_role_policy.exec", PULL_AND_LOGS));
        assertEquals(List.of("high null#null: The execution role aws_iam_role.exec of " + TD
                + " does not allow secretsmanager:GetSecretValue on " + SECRET
                + " (no policy of the role allows it), which container \"web\", secrets[DB_PASSWORD].valueFrom needs to "
                + "read secret DB_PASSWORD: the task would fail to start with ResourceInitializationError."), messages(found));
        Finding f = found.get(0);
        assertEquals("execution", f.roleKind().label());
        assertEquals(SuggestedPolicyJson.of(f.suggestion()), EXACT_POLICY, "RP201 carries the least-privilege policy");
    }

    @Test
    void wrongResourceSaysWhereItIsGranted() {
        List<Finding> found = check(role("aws_iam_role.exec").inline("aws_iam_role_policy.exec", PULL_AND_LOGS)
                .inline("aws_iam_role_policy.secrets", allow("secretsmanager:GetSecretValue",
                        "arn:aws:secretsmanager:eu-west-1:" + ACCOUNT + ":secret:prod/other-*")));
        assertEquals(List.of("high null#null: The execution role aws_iam_role.exec of " + TD
                + " does not allow secretsmanager:GetSecretValue on " + SECRET + " (allowed only on "
                + "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/other-*), which container \"web\", "
                + "secrets[DB_PASSWORD].valueFrom needs to read secret DB_PASSWORD: the task would fail to start with "
                + "ResourceInitializationError."), messages(found));
    }

    @Test
    void anExplicitDenyIsNamedWithItsPolicyAndStatement() {
        List<Finding> found = check(role("aws_iam_role.exec").inline("aws_iam_role_policy.exec", EXACT_POLICY)
                .inline("aws_iam_role_policy.guard", deny("secretsmanager:*", "*")));
        assertEquals(List.of("high aws_iam_role_policy.guard#NoSecrets: The execution role aws_iam_role.exec of " + TD
                + " does not allow secretsmanager:GetSecretValue on " + SECRET + " (explicitly denied by statement NoSecrets of "
                + "aws_iam_role_policy.guard), which container \"web\", secrets[DB_PASSWORD].valueFrom needs to read secret "
                + "DB_PASSWORD: the task would fail to start with ResourceInitializationError."), messages(found));
    }

    @Test
    void aMissingPullPermissionIsCannotPullContainerError() {
        List<Finding> found = check(role("aws_iam_role.exec").inline("aws_iam_role_policy.exec",
                allow("logs:*", LOG_GROUP).replace("]}", ",{\"Effect\":\"Allow\",\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\""
                        + SECRET + "\"}]}")));
        assertEquals(4, found.size(), messages(found).toString());
        assertEquals("The execution role aws_iam_role.exec of " + TD + " does not allow ecr:GetAuthorizationToken on * (no policy "
                + "of the role allows it), which container \"web\", image needs to authenticate to ECR for image "
                + EcsScenes.IMAGE + ": the task would fail to start with CannotPullContainerError.", found.get(2).message());
        assertEquals(List.of("ecr:BatchCheckLayerAvailability " + REPOSITORY, "ecr:BatchGetImage " + REPOSITORY,
                "ecr:GetAuthorizationToken *", "ecr:GetDownloadUrlForLayer " + REPOSITORY),
                found.stream().map(Finding::key).toList());
    }

    @Test
    void satisfiedExactlyThroughWildcardsOrTheManagedPolicy() {
        assertEquals(List.of(), check(role("aws_iam_role.exec").inline("aws_iam_role_policy.exec", EXACT_POLICY)));
        assertEquals(List.of(), check(role("aws_iam_role.exec").inline("aws_iam_role_policy.exec", """
                {"Statement":[{"Effect":"Allow","Action":["ecr:*","logs:Create*","logs:Put*"],"Resource":"*"},
                              {"Effect":"Allow","Action":"secretsmanager:Get*","Resource":"arn:aws:secretsmanager:*:*:secret:prod/*"}]}""")));
        assertEquals(List.of(), check(role("aws_iam_role.exec").managed(EXEC_MANAGED, managedExecutionPolicy())
                .inline("aws_iam_role_policy.secrets", allow("secretsmanager:GetSecretValue", SECRET))));
    }

    @Test
    void theBoundaryCanTakeAGrantAway() {
        List<Finding> found = check(role("aws_iam_role.exec").inline("aws_iam_role_policy.exec", EXACT_POLICY)
                .boundary("arn:aws:iam::123456789012:policy/boundary", allow("ecr:*", "*").replace("]}",
                        ",{\"Effect\":\"Allow\",\"Action\":\"logs:*\",\"Resource\":\"*\"}]}")));
        assertEquals(List.of("high null#null: The execution role aws_iam_role.exec of " + TD
                + " does not allow secretsmanager:GetSecretValue on " + SECRET + " (the permissions boundary "
                + "arn:aws:iam::123456789012:policy/boundary does not allow it), which container \"web\", "
                + "secrets[DB_PASSWORD].valueFrom needs to read secret DB_PASSWORD: the task would fail to start with "
                + "ResourceInitializationError."), messages(found));
    }

    @Test
    void aPolicyKnownOnlyAfterApplyMakesAnImplicitDenialUncertain() {
        List<Finding> found = check(role("aws_iam_role.exec").inline("aws_iam_role_policy.exec", PULL_AND_LOGS)
                .unknownPolicy("aws_iam_role_policy.later", "computed"));
        assertEquals(List.of("info null#null: The execution role aws_iam_role.exec of " + TD
                + " does not allow secretsmanager:GetSecretValue on " + SECRET + " (no policy of the role allows it; the "
                + "document of aws_iam_role_policy.later is not known, so it may still be granted), which container \"web\", "
                + "secrets[DB_PASSWORD].valueFrom needs to read secret DB_PASSWORD: if it stays so the task fails to start "
                + "with ResourceInitializationError."), messages(found));
    }

    @Test
    void aResourceKnownOnlyAfterApplyIsGrantedByAMatchingWildcardOrTheSameReference() {
        String secretRef = "${aws_secretsmanager_secret.db.arn}";
        Model byWildcard = place().build(taskDefinition(TD).container(container("app").secret("DB", secretRef))
                .execution(role("aws_iam_role.exec").inline("aws_iam_role_policy.exec",
                        allow("secretsmanager:GetSecretValue", "*"))));
        assertEquals(List.of(), run(byWildcard, rule));
        Model byReference = place().build(taskDefinition(TD).container(container("app").secret("DB", secretRef))
                .execution(role("aws_iam_role.exec").inline("aws_iam_role_policy.exec",
                        allow("secretsmanager:GetSecretValue", secretRef))));
        assertEquals(List.of(), run(byReference, rule));
        Model other = place().build(taskDefinition(TD).container(container("app").secret("DB", secretRef))
                .execution(role("aws_iam_role.exec").inline("aws_iam_role_policy.exec",
                        allow("secretsmanager:GetSecretValue", SECRET))));
        List<Finding> found = run(other, rule);
        assertEquals(1, found.size());
        assertEquals("info", found.get(0).severity().label());
        assertNotNull(found.get(0).suggestion());
    }

    @Test
    void silentWithoutAResolvedExecutionRoleOrWithoutRequirements() {
        assertEquals(List.of(), run(place().build(taskDefinition(TD).container(web())), rule), "absent: RP103's job");
        assertEquals(List.of(), run(place().build(taskDefinition(TD).executionRef(dev.roleplan.model.RoleStatus.EXTERNAL,
                "arn:aws:iam::123456789012:role/x", "not in the input").container(web())), rule), "external: RP104's job");
        assertEquals(List.of(), run(place().build(taskDefinition(TD).execution(role("aws_iam_role.exec"))
                .container(container("app").image("public.ecr.aws/nginx/nginx:1"))), rule));
    }

    @Test
    void oneFindingPerPermissionEvenWhenSeveralContainersNeedIt() {
        Model model = place().build(taskDefinition(TD).execution(role("aws_iam_role.exec"))
                .container(container("a").image("public.ecr.aws/x/y:1").secret("S", SECRET))
                .container(container("b").image("public.ecr.aws/x/y:1").secret("T", SECRET)));
        List<Finding> found = run(model, rule);
        assertEquals(1, found.size());
        assertEquals("The execution role aws_iam_role.exec of " + TD + " does not allow secretsmanager:GetSecretValue on "
                + SECRET + " (no policy of the role allows it), which container \"a\", secrets[S].valueFrom; container \"b\", "
                + "secrets[T].valueFrom needs to read secret S: the task would fail to start with ResourceInitializationError.",
                found.get(0).message());
    }

    @Test
    void whatCannotBeDerivedIsReportedAsInfo() {
        Model model = place().build(taskDefinition(TD).execution(role("aws_iam_role.exec"))
                .container(container("app").image("public.ecr.aws/x/y:1").secret("WHAT", "${var.secret_arn}")
                        .environmentFile("arn:aws:s3:::bucket-only")));
        assertEquals(List.of(
                "info null#null: What the execution role of " + TD + " needs cannot be fully derived: container \"app\", "
                        + "environmentFiles[0].value: arn:aws:s3:::bucket-only is not an S3 object ARN. Check that the role allows it.",
                "info null#null: What the execution role of " + TD + " needs cannot be fully derived: container \"app\", "
                        + "secrets[WHAT].valueFrom: cannot tell whether ${var.secret_arn} is a Secrets Manager secret or an SSM "
                        + "parameter. Check that the role allows it."),
                messages(run(model, rule)));
    }
}
