package dev.roleplan.rules.ecs;

import dev.roleplan.engine.Finding;
import dev.roleplan.engine.Rule;
import dev.roleplan.iam.ManagedPolicies;
import dev.roleplan.model.Model;
import dev.roleplan.testing.Fixtures;
import dev.roleplan.testing.Fixtures.ContainerBuilder;
import dev.roleplan.testing.Fixtures.SceneBuilder;

import java.util.List;

import static dev.roleplan.testing.Fixtures.container;
import static dev.roleplan.testing.Fixtures.scene;

/** The task definition of issue 4's "done when" cases, and the policies around it. */
final class EcsScenes {

    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-west-1";
    static final String IMAGE = ACCOUNT + ".dkr.ecr." + REGION + ".amazonaws.com/shop/web:1.4.2";
    static final String REPOSITORY = "arn:aws:ecr:" + REGION + ":" + ACCOUNT + ":repository/shop/web";
    static final String LOG_GROUP = "arn:aws:logs:" + REGION + ":" + ACCOUNT + ":log-group:/ecs/web:*";
    static final String SECRET = "arn:aws:secretsmanager:" + REGION + ":" + ACCOUNT + ":secret:prod/db-AbC123";
    static final String TD = "aws_ecs_task_definition.web";
    static final String EXEC_MANAGED = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";

    /** The least-privilege policy for {@link #web()}: what RP202 must suggest, byte for byte. */
    static final String EXACT_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Sid\":\"EcrAuth\",\"Effect\":\"Allow\",\"Action\":\"ecr:GetAuthorizationToken\",\"Resource\":\"*\"},"
            + "{\"Sid\":\"EcrPull\",\"Effect\":\"Allow\",\"Action\":[\"ecr:BatchCheckLayerAvailability\",\"ecr:BatchGetImage\","
            + "\"ecr:GetDownloadUrlForLayer\"],\"Resource\":\"" + REPOSITORY + "\"},"
            + "{\"Sid\":\"Logs\",\"Effect\":\"Allow\",\"Action\":[\"logs:CreateLogStream\",\"logs:PutLogEvents\"],\"Resource\":\""
            + LOG_GROUP + "\"},"
            + "{\"Sid\":\"Secrets\",\"Effect\":\"Allow\",\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"" + SECRET + "\"}]}";

    /** ECR and logs as a hand-written policy would grant them, without the secret. */
    static final String PULL_AND_LOGS = "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Effect\":\"Allow\",\"Action\":\"ecr:GetAuthorizationToken\",\"Resource\":\"*\"},"
            + "{\"Effect\":\"Allow\",\"Action\":[\"ecr:BatchGetImage\",\"ecr:GetDownloadUrlForLayer\",\"ecr:BatchCheckLayerAvailability\"],"
            + "\"Resource\":\"" + REPOSITORY + "\"},"
            + "{\"Effect\":\"Allow\",\"Action\":[\"logs:CreateLogStream\",\"logs:PutLogEvents\"],\"Resource\":\"" + LOG_GROUP + "\"}]}";

    static final String TASK_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\","
            + "\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"" + ACCOUNT + "\"}}}]}";

    private EcsScenes() {
    }

    /** A private ECR image, an awslogs group and a Secrets Manager secret. */
    static ContainerBuilder web() {
        return container("web").image(IMAGE).awslogs("/ecs/web", REGION).secret("DB_PASSWORD", SECRET);
    }

    static SceneBuilder place() {
        return scene().region(REGION).account(ACCOUNT);
    }

    static String managedExecutionPolicy() {
        return ManagedPolicies.get().document(EXEC_MANAGED).orElseThrow().toString();
    }

    static String allow(String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\""
                + resource + "\"}]}";
    }

    static String deny(String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NoSecrets\",\"Effect\":\"Deny\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"}]}";
    }

    static List<Finding> run(Model model, Rule... rules) {
        return new dev.roleplan.engine.Engine(List.of(rules)).run(model);
    }

    static List<String> lines(Model model, Rule... rules) {
        return Fixtures.findings(model, rules);
    }
}
