package dev.roleplan.rules.ecs;

import dev.roleplan.ecs.Requirement;
import dev.roleplan.ecs.Requirements;
import dev.roleplan.ecs.SuggestedPolicy;
import dev.roleplan.engine.Finding;
import dev.roleplan.iam.ActionCatalog;
import dev.roleplan.iam.ActionInfo;
import dev.roleplan.iam.Decision;
import dev.roleplan.iam.PolicyEvaluator;
import dev.roleplan.iam.PolicyParser;
import dev.roleplan.model.Model;
import dev.roleplan.model.PolicyDocument;
import dev.roleplan.model.RoleKind;
import dev.roleplan.model.TaskDefinition;
import dev.roleplan.testing.Fixtures.TaskDefinitionBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static dev.roleplan.rules.ecs.EcsScenes.place;
import static dev.roleplan.rules.ecs.EcsScenes.web;
import static dev.roleplan.testing.Fixtures.container;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.scene;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For every scenario: the suggested execution-role policy, fed back through the evaluator, allows every
 * requirement and nothing beyond it (other actions of the same services, the same actions on neighbouring
 * resources); and as the role's only policy, RP201 and RP202 have nothing left to say.
 */
class SuggestedPolicyRoundTripTest {

    private static final String TD = "aws_ecs_task_definition.app";

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("issue 4: private ECR image, awslogs, Secrets Manager secret", place().build(
                        taskDefinition(TD).container(web()))),
                Arguments.of("every execution-role requirement kind", place()
                        .secret("aws_secretsmanager_secret.db", "prod/db", null, "arn:aws:kms:eu-west-1:123456789012:key/1111-aaaa")
                        .parameter("aws_ssm_parameter.token", "/prod/token", "2222-bbbb")
                        .build(taskDefinition(TD).container(container("api")
                                .image("123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/api/server@sha256:"
                                        + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")
                                .log("awslogs", "awslogs-group", "/ecs/api", "awslogs-create-group", "true")
                                .secret("DB_USER", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbC123:username::")
                                .secret("API_KEY", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/api-key")
                                .secret("SHARED", "arn:aws:ssm:us-east-1:999988887777:parameter/shared/flag")
                                .secret("TOKEN", "/prod/token")
                                .environmentFile("arn:aws:s3:::config-bucket/api/prod.env"))
                                .container(container("sidecar").image("acme/sidecar:2")
                                        .repositoryCredentials("arn:aws:secretsmanager:eu-west-1:123456789012:secret:dockerhub-XyZ789")
                                        .awslogs("/ecs/sidecar", "eu-west-1")))),
                Arguments.of("China partition", scene().region("cn-north-1").account("123456789012").build(
                        taskDefinition(TD).container(container("app").image("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app:1")
                                .awslogs("app", "cn-north-1").secret("P", "db-password")))),
                Arguments.of("containers sharing a repository and a log group", place().build(taskDefinition(TD)
                        .container(container("a").image("123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:1").awslogs("/ecs/shop", "eu-west-1"))
                        .container(container("b").image("123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:2").awslogs("/ecs/shop", "eu-west-1"))
                        .container(container("c").image("111122223333.dkr.ecr.us-east-1.amazonaws.com/base:1")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void suggestionAllowsEveryRequirementAndNothingBeyond(String name, Model model) {
        TaskDefinition td = model.taskDefinitions().get(0);
        List<Requirement> required = Requirements.analyse(td, model).of(RoleKind.EXECUTION);
        assertTrue(!required.isEmpty(), name);
        PolicyDocument suggested = PolicyParser.parse(SuggestedPolicy.of(required).toJson());
        assertEquals(List.of(), suggested.problems());

        List<String> wrong = new ArrayList<>();
        for (Requirement r : required) {
            expect(suggested, r.action(), r.resource(), Decision.ALLOWED, wrong);
        }
        List<String[]> neighbours = neighbours(required);
        assertTrue(neighbours.size() > 20 * required.size() / 2, name + ": only " + neighbours.size() + " probes");
        for (String[] probe : neighbours) {
            expect(suggested, probe[0], probe[1], Decision.DENIED_IMPLICIT, wrong);
        }
        assertEquals(List.of(), wrong, name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void asTheRolesOnlyPolicyTheRulesFindNothingMissingAndNothingTooBroad(String name, Model model) {
        TaskDefinition td = model.taskDefinitions().get(0);
        List<Requirement> required = Requirements.analyse(td, model).of(RoleKind.EXECUTION);
        String json = SuggestedPolicy.of(required).toJson();
        TaskDefinitionBuilder rebuilt = taskDefinition(TD).execution(role("aws_iam_role.exec").inline("aws_iam_role_policy.exec", json));
        td.knownContainers().forEach(rebuilt::container);
        Model again = new Model(model.inputs(), List.of(rebuilt.build()), List.of(), List.of(), model.context(), List.of(),
                java.util.Set.of(), model.storedSecrets(), null);
        List<Finding> found = EcsScenes.run(again, new ExecutionRoleMissingRequiredPermission(),
                new ExecutionRoleGrantsMoreThanRequired());
        assertEquals(List.of(), found.stream().map(Finding::message).toList(), name);
    }

    private static void expect(PolicyDocument policy, String action, String resource, Decision expected, List<String> wrong) {
        Decision d = PolicyEvaluator.evaluate(List.of(policy), null, action, resource).decision();
        if (d != expected) {
            wrong.add(action + " on " + resource + ": " + d + ", expected " + expected);
        }
    }

    /** Other actions of the same services on the required resources, and the same actions on neighbouring resources. */
    static List<String[]> neighbours(List<Requirement> required) {
        Set<String> pairs = new LinkedHashSet<>();
        for (Requirement r : required) {
            pairs.add(r.action().toLowerCase(Locale.ROOT) + " " + r.resource());
        }
        List<String[]> out = new ArrayList<>();
        ActionCatalog catalog = ActionCatalog.get();
        Set<String> seen = new LinkedHashSet<>();
        for (Requirement r : required) {
            String service = r.action().substring(0, r.action().indexOf(':'));
            for (ActionInfo other : catalog.service(service).orElseThrow().actions()) {
                String a = other.fullName();
                boolean requiredSomewhere = required.stream().anyMatch(q -> q.action().equalsIgnoreCase(a));
                if (!requiredSomewhere && seen.add(a + " " + r.resource())) {
                    out.add(new String[] {a, r.resource()});
                    out.add(new String[] {a, "*"});
                }
            }
            for (String resource : neighbourResources(r.resource())) {
                if (!pairs.contains(r.action().toLowerCase(Locale.ROOT) + " " + resource) && seen.add(r.action() + " " + resource)) {
                    out.add(new String[] {r.action(), resource});
                }
            }
        }
        return out;
    }

    /** Resources next to a required one: another name, another account, another region, a longer name. */
    static List<String> neighbourResources(String resource) {
        if (resource.equals("*")) {
            return List.of();
        }
        // A log group's ":*" covers its streams: vary the group's name, not what follows it.
        String tail = resource.endsWith(":*") ? ":*" : "";
        String concrete = resource.substring(0, resource.length() - tail.length()).replace("??????", "AbCdEf");
        List<String> out = new ArrayList<>();
        String[] f = concrete.split(":", 6);
        out.add(String.join(":", f[0], f[1], f[2], f[3], f[4], f[5].replaceFirst("([/:])([^/:]+)$", "$1$2-other")) + tail);
        out.add(String.join(":", f[0], f[1], f[2], f[3], f[4], f[5] + "x") + tail);
        out.add(String.join(":", f[0], f[1], f[2], f[3], f[4], "other-" + f[5]) + tail);
        if (!tail.isEmpty()) {
            out.add(String.join(":", f[0], f[1], f[2], f[3], f[4], f[5] + "-other:log-stream:ecs/app/1"));
        }
        f = (concrete + tail).split(":", 6);
        if (!f[4].isEmpty()) {
            out.add(String.join(":", f[0], f[1], f[2], f[3], "210987654321", f[5]));
        }
        if (!f[3].isEmpty()) {
            out.add(String.join(":", f[0], f[1], f[2], "ap-south-2", f[4], f[5]));
        }
        if (resource.endsWith("??????")) {
            out.add(resource.replace("??????", "AbCdEfG"));
        }
        return out;
    }

    @org.junit.jupiter.api.Test
    void partsKnownOnlyAfterApplyStayConditionalNeverWiderThanTheirReference() {
        Model model = scene().account("123456789012").build(taskDefinition(TD).container(container("app")
                .image("${aws_ecr_repository.app.repository_url}:v1")
                .log("awslogs", "awslogs-group", "/ecs/app")
                .secret("DB", "${aws_secretsmanager_secret.db.arn}:password::")));
        List<Requirement> required = Requirements.analyse(model.taskDefinitions().get(0), model).of(RoleKind.EXECUTION);
        PolicyDocument suggested = PolicyParser.parse(SuggestedPolicy.of(required).toJson());
        List<String> decisions = new ArrayList<>();
        for (Requirement r : required) {
            decisions.add(r.action() + " " + PolicyEvaluator.evaluate(List.of(suggested), null, r.action(), r.resource()).decision());
        }
        assertEquals(List.of("ecr:GetAuthorizationToken ALLOWED", "ecr:BatchCheckLayerAvailability CONDITIONAL",
                "ecr:GetDownloadUrlForLayer CONDITIONAL", "ecr:BatchGetImage CONDITIONAL", "logs:CreateLogStream CONDITIONAL",
                "logs:PutLogEvents CONDITIONAL", "secretsmanager:GetSecretValue CONDITIONAL"), decisions);
        // Whatever the unknown parts turn out to be, nothing of another service, account or kind is granted.
        List<String> wrong = new ArrayList<>();
        expect(suggested, "ecr:PutImage", "arn:aws:ecr:eu-west-1:123456789012:repository/app", Decision.DENIED_IMPLICIT, wrong);
        expect(suggested, "logs:PutLogEvents", "arn:aws:logs:eu-west-1:210987654321:log-group:/ecs/app:*", Decision.DENIED_IMPLICIT, wrong);
        expect(suggested, "logs:PutLogEvents", "arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/other:*", Decision.DENIED_IMPLICIT, wrong);
        expect(suggested, "logs:DeleteLogGroup", "arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/app:*", Decision.DENIED_IMPLICIT, wrong);
        expect(suggested, "secretsmanager:PutSecretValue", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbC123",
                Decision.DENIED_IMPLICIT, wrong);
        assertEquals(List.of(), wrong);
    }
}
