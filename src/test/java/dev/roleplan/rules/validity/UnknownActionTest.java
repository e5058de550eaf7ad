package dev.roleplan.rules.validity;

import dev.roleplan.engine.Engine;
import dev.roleplan.iam.ActionCatalog;
import dev.roleplan.model.Model;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.roleplan.testing.Fixtures.findings;
import static dev.roleplan.testing.Fixtures.model;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;

class UnknownActionTest {

    private final UnknownAction rule = new UnknownAction();
    private final ActionCatalog catalog = ActionCatalog.get();

    /** Issue 3's done-when: a typo in a task role policy. */
    @Test
    void typoInTaskRolePolicyIsReportedWithTheClosestAction() {
        var task = role("aws_iam_role.task").inline("aws_iam_role_policy.p", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObjects","s3:PutObject"],"Resource":"arn:aws:s3:::b/*"}]}""");
        Model m = model(taskDefinition("aws_ecs_task_definition.a").task(task));
        assertEquals(List.of("RP501 high aws_ecs_task_definition.a | task aws_iam_role.task | aws_iam_role_policy.p | 0"),
                findings(m, rule));
        assertEquals("Statement 0 of aws_iam_role_policy.p: \"s3:GetObjects\" is not an action of s3 (did you mean "
                + "s3:GetObject?); it grants nothing.", new Engine(List.of(rule)).run(m).get(0).message());
    }

    @Test
    void describesEachKindOfUnknownAction() {
        assertEquals(Optional.of("\"ecr:Pull*\" matches no action of ecr; it grants nothing."), UnknownAction.problem(catalog, "ecr:Pull*"));
        assertEquals(Optional.of("\"s4:GetObject\" names no known service: \"s4\" is not an IAM service prefix (did you mean s3?)."),
                UnknownAction.problem(catalog, "s4:GetObject"));
        assertEquals(Optional.of("\"GetObject\" is not an action: actions are written service:Action (e.g. s3:GetObject)."),
                UnknownAction.problem(catalog, "GetObject"));
        // parliament test_formatting: "iam:list" is an unknown action beside a valid one
        assertEquals(Optional.of("\"iam:list\" is not an action of iam; it grants nothing."), UnknownAction.problem(catalog, "iam:list"));
    }

    @Test
    void silentForRealActionsWildcardsAnyCaseAndValuesUnknownUntilApply() {
        for (String ok : List.of("s3:listallmybuckets", "S3:GetObject", "ecr:Batch*", "*", "s3:*", "*:*", "ec2:Describe?pcs",
                "${var.action}", "iam:listusers")) {
            assertEquals(Optional.empty(), UnknownAction.problem(catalog, ok), ok);
        }
    }

    @Test
    void checksDenyAndNotActionButNotAwsManagedPolicies() {
        var task = role("aws_iam_role.task")
                .inline("aws_iam_role_policy.p", """
                        {"Version":"2012-10-17","Statement":[{"Sid":"Guard","Effect":"Deny","Action":"s3:DeleteBuckets","Resource":"*"},
                          {"Effect":"Allow","NotAction":"iam:Foo","Resource":"*"}]}""")
                .managed("arn:aws:iam::aws:policy/Weird", """
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:NoSuchThing","Resource":"*"}]}""");
        assertEquals(List.of(
                "RP501 high aws_ecs_task_definition.a | task aws_iam_role.task | aws_iam_role_policy.p | 1",
                "RP501 high aws_ecs_task_definition.a | task aws_iam_role.task | aws_iam_role_policy.p | Guard"),
                findings(model(taskDefinition("aws_ecs_task_definition.a").task(task)), rule));
    }
}
