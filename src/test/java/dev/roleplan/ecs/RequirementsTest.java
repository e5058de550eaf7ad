package dev.roleplan.ecs;

import dev.roleplan.model.Address;
import dev.roleplan.model.Model;
import dev.roleplan.model.Reference;
import dev.roleplan.model.StoredSecret;
import dev.roleplan.model.TaskDefinition;
import dev.roleplan.model.Value;
import dev.roleplan.model.Volume;
import dev.roleplan.testing.Fixtures.ContainerBuilder;
import dev.roleplan.testing.Fixtures.SceneBuilder;
import dev.roleplan.testing.Fixtures.TaskDefinitionBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.roleplan.testing.Fixtures.container;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.scene;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RequirementsTest {

    private static final String ACCOUNT = "123456789012";

    /** One line per requirement: role action resource | container | field [| unknown: reason]. */
    private static List<String> lines(SceneBuilder scene, TaskDefinitionBuilder td) {
        Model model = scene.build(td);
        TaskDefinition built = model.taskDefinitions().get(0);
        return Requirements.analyse(built, model).requirements().stream().map(RequirementsTest::line).toList();
    }

    private static List<String> lines(ContainerBuilder c) {
        return lines(scene().region("eu-west-1").account(ACCOUNT), taskDefinition("aws_ecs_task_definition.app").container(c));
    }

    private static String line(Requirement r) {
        return r.role().label() + " " + r.action() + " " + r.resource() + " | " + r.container() + " | " + r.field()
                + (r.unknownReason() == null ? "" : " | unknown: " + r.unknownReason());
    }

    private static List<String> ecr(String container, String repositoryArn) {
        return List.of(
                "execution ecr:GetAuthorizationToken * | " + container + " | image",
                "execution ecr:BatchCheckLayerAvailability " + repositoryArn + " | " + container + " | image",
                "execution ecr:GetDownloadUrlForLayer " + repositoryArn + " | " + container + " | image",
                "execution ecr:BatchGetImage " + repositoryArn + " | " + container + " | image");
    }

    @Test
    void privateEcrImagesInEveryForm() {
        assertEquals(ecr("app", "arn:aws:ecr:us-east-1:111122223333:repository/app"),
                lines(container("app").image("111122223333.dkr.ecr.us-east-1.amazonaws.com/app:1.2.3")));
        assertEquals(ecr("app", "arn:aws:ecr:us-east-1:111122223333:repository/team/app/api"),
                lines(container("app").image("111122223333.dkr.ecr.us-east-1.amazonaws.com/team/app/api@sha256:"
                        + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")));
        assertEquals(ecr("app", "arn:aws:ecr:us-east-1:111122223333:repository/app"),
                lines(container("app").image("111122223333.dkr.ecr.us-east-1.amazonaws.com/app:v1@sha256:abcd")));
        assertEquals(ecr("app", "arn:aws:ecr:us-east-1:111122223333:repository/app"),
                lines(container("app").image("111122223333.dkr.ecr.us-east-1.amazonaws.com/app")));
        assertEquals(ecr("app", "arn:aws-cn:ecr:cn-north-1:111122223333:repository/app"),
                lines(container("app").image("111122223333.dkr.ecr.cn-north-1.amazonaws.com.cn/app:latest")));
        assertEquals(ecr("app", "arn:aws-us-gov:ecr:us-gov-west-1:111122223333:repository/app"),
                lines(container("app").image("111122223333.dkr.ecr-fips.us-gov-west-1.amazonaws.com/app:latest")));
        assertEquals(ecr("app", "arn:aws:ecr:us-east-1:111122223333:repository/app"),
                lines(container("app").image("111122223333.dkr.ecr-fips.us-east-1.amazonaws.com/app:latest")));
        assertEquals(ecr("app", "arn:aws:ecr:eu-central-1:111122223333:repository/team/app"),
                lines(container("app").image("111122223333.dkr-ecr.eu-central-1.on.aws/team/app:3")));
    }

    @Test
    void publicAndOtherRegistriesNeedNothing() {
        assertEquals(List.of(), lines(container("a").image("public.ecr.aws/nginx/nginx:1.27")));
        assertEquals(List.of(), lines(container("a").image("nginx:1.27")));
        assertEquals(List.of(), lines(container("a").image("docker.io/library/redis:7")));
        assertEquals(List.of(), lines(container("a").image("ghcr.io/acme/api:2")));
        assertEquals(List.of(), lines(container("a").image("registry.example.com:5000/app:1")));
        assertNull(EcrImage.parse("123.dkr.ecr.us-east-1.amazonaws.com/app"), "an account is twelve digits");
    }

    @Test
    void anImageFromARepositoryCreatedOnApplyNamesTheRepository() {
        assertEquals(List.of(
                "execution ecr:GetAuthorizationToken * | app | image",
                "execution ecr:BatchCheckLayerAvailability ${aws_ecr_repository.app.arn} | app | image | unknown: the repository URL is known only after apply",
                "execution ecr:GetDownloadUrlForLayer ${aws_ecr_repository.app.arn} | app | image | unknown: the repository URL is known only after apply",
                "execution ecr:BatchGetImage ${aws_ecr_repository.app.arn} | app | image | unknown: the repository URL is known only after apply"),
                lines(container("app").image("${aws_ecr_repository.app.repository_url}:v1")));
    }

    @Test
    void anImageKnownOnlyAfterApplyIsANoteNotAGuess() {
        Model model = scene().region("eu-west-1").account(ACCOUNT).build(taskDefinition("aws_ecs_task_definition.app")
                .container(container("log-router").image("${data.aws_ssm_parameter.router_image.value}")));
        Requirements.Derivation d = Requirements.analyse(model.taskDefinitions().get(0), model);
        assertEquals(List.of(), d.requirements());
        assertEquals(List.of("container \"log-router\", image: ${data.aws_ssm_parameter.router_image.value} is known only "
                + "after apply; cannot tell whether it is pulled from a private ECR repository"), d.notes());
    }

    @Test
    void otherRegistryWithCredentialsNeedsTheSecret() {
        String secret = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:dockerhub-AbC123";
        assertEquals(List.of("execution secretsmanager:GetSecretValue " + secret + " | app | repositoryCredentials.credentialsParameter"),
                lines(container("app").image("acme/private:1").repositoryCredentials(secret)));
    }

    @Test
    void awslogsWithRegionOptionAndCreateGroup() {
        String group = "arn:aws:logs:us-west-2:123456789012:log-group:/ecs/app:*";
        assertEquals(List.of(
                        "execution logs:CreateLogStream " + group + " | app | logConfiguration.options.awslogs-group",
                        "execution logs:PutLogEvents " + group + " | app | logConfiguration.options.awslogs-group",
                        "execution logs:CreateLogGroup " + group + " | app | logConfiguration.options.awslogs-create-group"),
                lines(container("app").log("awslogs", "awslogs-group", "/ecs/app", "awslogs-region", "us-west-2",
                        "awslogs-create-group", "true")));
    }

    @Test
    void awslogsWithoutRegionOptionUsesTheTaskRegion() {
        String group = "arn:aws:logs:eu-west-1:123456789012:log-group:app:*";
        assertEquals(List.of(
                        "execution logs:CreateLogStream " + group + " | app | logConfiguration.options.awslogs-group",
                        "execution logs:PutLogEvents " + group + " | app | logConfiguration.options.awslogs-group"),
                lines(container("app").log("awslogs", "awslogs-group", "app", "awslogs-create-group", "false")));
    }

    @Test
    void awslogsInAnUnknownRegionAndAccountSaysSo() {
        String group = "arn:aws:logs:${unknown:region}:${unknown:account}:log-group:app:*";
        String why = "unknown: the task's region is not known from the input (no provider region); the account is not "
                + "known from the input (no caller identity, no account in the roles' ARNs)";
        assertEquals(List.of(
                        "execution logs:CreateLogStream " + group + " | app | logConfiguration.options.awslogs-group | " + why,
                        "execution logs:PutLogEvents " + group + " | app | logConfiguration.options.awslogs-group | " + why),
                lines(scene(), taskDefinition("aws_ecs_task_definition.app")
                        .container(container("app").log("awslogs", "awslogs-group", "app"))));
    }

    @Test
    void theAccountComesFromTheRoleArnWhenNothingElseSaysIt() {
        assertEquals(List.of(
                        "execution logs:CreateLogStream arn:aws:logs:eu-west-1:444455556666:log-group:app:* | app | logConfiguration.options.awslogs-group",
                        "execution logs:PutLogEvents arn:aws:logs:eu-west-1:444455556666:log-group:app:* | app | logConfiguration.options.awslogs-group"),
                lines(scene().region("eu-west-1"), taskDefinition("aws_ecs_task_definition.app")
                        .execution(role("aws_iam_role.exec").arn("arn:aws:iam::444455556666:role/exec"))
                        .container(container("app").awslogs("app", "eu-west-1"))));
    }

    @Test
    void otherLogDriversNeedNothing() {
        assertEquals(List.of(), lines(container("app").log("json-file")));
        assertEquals(List.of(), lines(container("app").log("awsfirelens", "Name", "cloudwatch")));
    }

    @Test
    void secretsManagerFullAndPartialArnsWithSuffixesStripped() {
        String full = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbC123";
        String partial = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/api-token-??????";
        assertEquals(List.of(
                        "execution secretsmanager:GetSecretValue " + full + " | app | secrets[DB].valueFrom",
                        "execution secretsmanager:GetSecretValue " + full + " | app | secrets[DB_USER].valueFrom",
                        "execution secretsmanager:GetSecretValue " + full + " | app | secrets[DB_OLD].valueFrom",
                        "execution secretsmanager:GetSecretValue " + partial + " | app | secrets[TOKEN].valueFrom",
                        "execution secretsmanager:GetSecretValue " + partial + " | app | secrets[TOKEN_KEY].valueFrom"),
                lines(container("app")
                        .secret("DB", full)
                        .secret("DB_USER", full + ":username::")
                        .secret("DB_OLD", full + ":password:AWSPREVIOUS:")
                        .secret("TOKEN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/api-token")
                        .secret("TOKEN_KEY", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/api-token:key::")));
    }

    @Test
    void aSecretWhoseNameLooksLikeAFullArnIsPartialWhenTheInputDefinesThatName() {
        // "db-secret" ends in "-" and six letters, like a random suffix; the input says it is the name.
        String arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-secret";
        assertEquals(List.of("execution secretsmanager:GetSecretValue " + arn + "-?????? | app | secrets[DB].valueFrom"),
                lines(scene().region("eu-west-1").account(ACCOUNT).secret("aws_secretsmanager_secret.db", "db-secret", null, null),
                        taskDefinition("aws_ecs_task_definition.app").container(container("app").secret("DB", arn))));
    }

    @Test
    void ssmParametersByArnAndByName() {
        assertEquals(List.of(
                        "execution ssm:GetParameters arn:aws:ssm:us-east-1:999988887777:parameter/shared/key | app | secrets[A].valueFrom",
                        "execution ssm:GetParameters arn:aws:ssm:eu-west-1:123456789012:parameter/prod/db/password | app | secrets[B].valueFrom",
                        "execution ssm:GetParameters arn:aws:ssm:eu-west-1:123456789012:parameter/plain | app | secrets[C].valueFrom"),
                lines(container("app")
                        .secret("A", "arn:aws:ssm:us-east-1:999988887777:parameter/shared/key")
                        .secret("B", "/prod/db/password")
                        .secret("C", "plain")));
    }

    @Test
    void anSsmNameInAnUnknownRegionSaysSo() {
        assertEquals(List.of("execution ssm:GetParameters arn:aws:ssm:${unknown:region}:123456789012:parameter/db | app | "
                        + "secrets[B].valueFrom | unknown: the task's region is not known from the input (no provider region)"),
                lines(scene().account(ACCOUNT), taskDefinition("aws_ecs_task_definition.app")
                        .container(container("app").secret("B", "db"))));
    }

    @Test
    void referencesToSecretsAndParametersCreatedOnApply() {
        assertEquals(List.of(
                        "execution secretsmanager:GetSecretValue ${aws_secretsmanager_secret.db.arn} | app | secrets[DB].valueFrom"
                                + " | unknown: the ARN of aws_secretsmanager_secret.db is known only after apply",
                        "execution ssm:GetParameters ${module.cfg.aws_ssm_parameter.key.arn} | app | secrets[KEY].valueFrom"
                                + " | unknown: the ARN of module.cfg.aws_ssm_parameter.key is known only after apply"),
                lines(container("app")
                        .secret("DB", "${aws_secretsmanager_secret.db.arn}:password::")
                        .secret("KEY", "${module.cfg.aws_ssm_parameter.key.arn}")
                        .secret("WHAT", "${var.some_arn}")));
    }

    @Test
    void anUnrecognisableValueFromBecomesANoteNotAGuess() {
        Model model = scene().region("eu-west-1").account(ACCOUNT).build(taskDefinition("aws_ecs_task_definition.app")
                .container(container("app").secret("WHAT", "${var.some_arn}")));
        Requirements.Derivation d = Requirements.analyse(model.taskDefinitions().get(0), model);
        assertEquals(List.of(), d.requirements());
        assertEquals(List.of("container \"app\", secrets[WHAT].valueFrom: cannot tell whether ${var.some_arn} is a Secrets "
                + "Manager secret or an SSM parameter"), d.notes());
    }

    @Test
    void customerManagedKmsKeysOfStoredSecretsAndParameters() {
        String secretArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbC123";
        SceneBuilder scene = scene().region("eu-west-1").account(ACCOUNT)
                .secret("aws_secretsmanager_secret.db", "db", null, "arn:aws:kms:eu-west-1:123456789012:key/1111-2222")
                .parameter("aws_ssm_parameter.token", "/prod/token", "3333-4444")
                .parameter("aws_ssm_parameter.plain", "/prod/plain", "alias/aws/ssm")
                .secret("aws_secretsmanager_secret.aliased", "aliased", null, "alias/app")
                .stored(new StoredSecret(Address.of("aws_secretsmanager_secret.new"), StoredSecret.Store.SECRETS_MANAGER,
                        Value.unknown("computed"), Value.known("new"),
                        Value.unknown("computed", List.of(new Reference(Address.of("aws_kms_key.app"), "arn")))));
        assertEquals(List.of(
                        "execution secretsmanager:GetSecretValue " + secretArn + " | app | secrets[DB].valueFrom",
                        "execution kms:Decrypt arn:aws:kms:eu-west-1:123456789012:key/1111-2222 | app | secrets[DB].valueFrom",
                        "execution ssm:GetParameters arn:aws:ssm:eu-west-1:123456789012:parameter/prod/token | app | secrets[TOKEN].valueFrom",
                        "execution kms:Decrypt arn:aws:kms:eu-west-1:123456789012:key/3333-4444 | app | secrets[TOKEN].valueFrom",
                        "execution ssm:GetParameters arn:aws:ssm:eu-west-1:123456789012:parameter/prod/plain | app | secrets[PLAIN].valueFrom",
                        "execution secretsmanager:GetSecretValue arn:aws:secretsmanager:eu-west-1:123456789012:secret:aliased-?????? | app | secrets[ALIASED].valueFrom",
                        "execution kms:Decrypt ${unknown:key-of-alias/app} | app | secrets[ALIASED].valueFrom | unknown: the key behind "
                                + "alias/app is not known from the input, and kms:Decrypt needs the key's ARN",
                        "execution secretsmanager:GetSecretValue ${aws_secretsmanager_secret.new.arn} | app | secrets[NEW].valueFrom"
                                + " | unknown: the ARN of aws_secretsmanager_secret.new is known only after apply",
                        "execution kms:Decrypt ${aws_kms_key.app.arn} | app | secrets[NEW].valueFrom"
                                + " | unknown: the key aws_kms_key.app is known only after apply"),
                lines(scene, taskDefinition("aws_ecs_task_definition.app").container(container("app")
                        .secret("DB", secretArn + ":password::")
                        .secret("TOKEN", "prod/token")
                        .secret("PLAIN", "/prod/plain")
                        .secret("ALIASED", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:aliased")
                        .secret("NEW", "${aws_secretsmanager_secret.new.arn}"))));
    }

    @Test
    void environmentFilesNeedTheObjectAndItsBucket() {
        assertEquals(List.of(
                        "execution s3:GetObject arn:aws:s3:::config-bucket/app/prod.env | app | environmentFiles[0].value",
                        "execution s3:GetBucketLocation arn:aws:s3:::config-bucket | app | environmentFiles[0].value"),
                lines(container("app").environmentFile("arn:aws:s3:::config-bucket/app/prod.env")));
    }

    @Test
    void efsWithIamAuthorizationNeedsMountAndWriteUnlessEveryMountIsReadOnly() {
        String fs = "arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/fs-0123abcd";
        assertEquals(List.of(
                        "task elasticfilesystem:ClientMount " + fs + " | app | mountPoints[data]",
                        "task elasticfilesystem:ClientWrite " + fs + " | app | mountPoints[data]",
                        "task elasticfilesystem:ClientMount " + fs + " | reader | mountPoints[data]",
                        "task elasticfilesystem:ClientMount arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/fs-9999 | reader | mountPoints[ro]"),
                lines(scene().region("eu-west-1").account(ACCOUNT), taskDefinition("aws_ecs_task_definition.app")
                        .efsVolume("data", "fs-0123abcd", true)
                        .efsVolume("ro", "fs-9999", true)
                        .efsVolume("open", "fs-5555", false)
                        .container(container("app").mount("data", "/data", false).mount("open", "/open", false))
                        .container(container("reader").mount("data", "/data", true).mount("ro", "/ro", true))));
    }

    @Test
    void efsCreatedOnApplyIsNamedByItsResource() {
        TaskDefinitionBuilder td = taskDefinition("aws_ecs_task_definition.app")
                .volume(new Volume("data", new Volume.EfsVolume(
                        Value.unknown("computed", List.of(new Reference(Address.of("aws_efs_file_system.data"), "id"))),
                        "/", true, true, Value.absent())))
                .container(container("app").mount("data", "/data", true));
        assertEquals(List.of("task elasticfilesystem:ClientMount ${aws_efs_file_system.data.arn} | app | mountPoints[data]"
                        + " | unknown: the file system is created on apply"),
                lines(scene().region("eu-west-1").account(ACCOUNT), td));
    }

    @Test
    void executeCommandOnAServiceThatRunsTheTaskDefinition() {
        String field = "aws_ecs_service.api.enable_execute_command";
        assertEquals(List.of(
                        "task ssmmessages:CreateControlChannel * | null | " + field,
                        "task ssmmessages:CreateDataChannel * | null | " + field,
                        "task ssmmessages:OpenControlChannel * | null | " + field,
                        "task ssmmessages:OpenDataChannel * | null | " + field),
                lines(scene().region("eu-west-1").account(ACCOUNT)
                                .service("aws_ecs_service.api", "aws_ecs_task_definition.app", true)
                                .service("aws_ecs_service.other", "aws_ecs_task_definition.other", true)
                                .service("aws_ecs_service.quiet", "aws_ecs_task_definition.app", false),
                        taskDefinition("aws_ecs_task_definition.app").container(container("app"))));
    }

    @Test
    void aTypicalTaskDefinitionInOrder() {
        List<String> got = lines(container("web")
                .image("123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1")
                .awslogs("/ecs/web", "eu-west-1")
                .secret("DB_PASSWORD", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbC123"));
        assertEquals(7, got.size(), String.join("\n", got));
        assertEquals("execution secretsmanager:GetSecretValue arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbC123 | web | secrets[DB_PASSWORD].valueFrom",
                got.get(6));
    }
}
