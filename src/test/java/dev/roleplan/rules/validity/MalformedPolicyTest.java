package dev.roleplan.rules.validity;

import dev.roleplan.engine.Engine;
import dev.roleplan.engine.Finding;
import dev.roleplan.model.Model;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.roleplan.testing.Fixtures.findings;
import static dev.roleplan.testing.Fixtures.model;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MalformedPolicyTest {

    private final MalformedPolicy rule = new MalformedPolicy();

    private List<String> messages(String json) {
        Model m = model(taskDefinition("aws_ecs_task_definition.a").task(role("aws_iam_role.task").inline("aws_iam_role_policy.p", json)));
        return new Engine(List.of(rule)).run(m).stream().map(Finding::message).toList();
    }

    // The cases below are parliament's (test_formatting, test_resource_formatting), with our expectations.

    @Test
    void notJson() {
        assertEquals(1, messages("not json").size());
        assertEquals(true, messages("not json").get(0).startsWith("Policy aws_iam_role_policy.p: the policy is not valid JSON"));
    }

    @Test
    void actionAndNotActionTogetherNoActionAndNoStatement() {
        assertEquals(List.of("Policy aws_iam_role_policy.p: Statement[0] has both Action and NotAction."), messages("""
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:listallmybuckets","NotAction":"s3:listallmybuckets","Resource":"*"}}"""));
        assertEquals(List.of("Policy aws_iam_role_policy.p: Statement[0] has neither Action nor NotAction."), messages("""
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Resource":"*"}}"""));
        assertEquals(List.of("Policy aws_iam_role_policy.p: the policy has no Statement."), messages("""
                {"Version":"2012-10-17"}"""));
    }

    @Test
    void unknownVersionAndMissingEffect() {
        assertEquals(List.of(
                "Policy aws_iam_role_policy.p: Statement[0] has no Effect.",
                "Policy aws_iam_role_policy.p: Version: \"2012-10-18\" is not a policy language version (use \"2012-10-17\")."),
                messages("""
                        {"Version":"2012-10-18","Statement":[{"Action":"s3:GetObject","Resource":"*"}]}"""));
    }

    @Test
    void resourceThatIsNotAnArnSaysWhere() {
        assertEquals(List.of("Statement 0 of aws_iam_role_policy.p, Resource: \"s3\" is neither \"*\" nor an ARN "
                + "(arn:partition:service:region:account:resource)."), messages("""
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:listallmybuckets","Resource":"s3"}}"""));
        assertEquals(List.of("Statement 0 of aws_iam_role_policy.p, Resource[1]: \"arn:aws:s3\" is not an ARN: it needs six "
                + "colon-separated fields (arn:partition:service:region:account:resource), it has 3."), messages("""
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::b/*","arn:aws:s3"]}}"""));
    }

    @Test
    void silentForWellFormedPoliciesAndValuesUnknownUntilApply() {
        assertEquals(List.of(), messages("""
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:getobject","Resource":["arn:aws:s3:::my_corporate_bucket/*","${aws_s3_bucket.b.arn}/*","*"]}}"""));
        assertEquals(Optional.empty(), MalformedPolicy.arnProblem("arn:aws:logs:*:*:log-group:/ecs/*"));
    }

    @Test
    void reportsAtThePolicyOncePerTaskDefinitionAndIgnoresAwsManaged() {
        var task = role("aws_iam_role.task").inline("aws_iam_role_policy.p", "{\"Version\":\"2012-10-17\"}")
                .managed("arn:aws:iam::aws:policy/X", "{\"Version\":\"1999\"}");
        assertEquals(List.of(
                "RP503 high aws_ecs_task_definition.a | task aws_iam_role.task | aws_iam_role_policy.p | -",
                "RP503 high aws_ecs_task_definition.b | task aws_iam_role.task | aws_iam_role_policy.p | -"),
                findings(model(taskDefinition("aws_ecs_task_definition.a").task(task), taskDefinition("aws_ecs_task_definition.b").task(task)), rule));
    }
}
