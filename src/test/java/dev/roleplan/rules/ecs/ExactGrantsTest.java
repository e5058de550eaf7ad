package dev.roleplan.rules.ecs;

import dev.roleplan.engine.Finding;
import dev.roleplan.model.Model;
import dev.roleplan.rules.BuiltInRules;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.roleplan.rules.ecs.EcsScenes.EXACT_POLICY;
import static dev.roleplan.rules.ecs.EcsScenes.TASK_TRUST;
import static dev.roleplan.rules.ecs.EcsScenes.TD;
import static dev.roleplan.rules.ecs.EcsScenes.place;
import static dev.roleplan.rules.ecs.EcsScenes.run;
import static dev.roleplan.rules.ecs.EcsScenes.web;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 4, "done when": a task definition whose roles grant exactly what is required gets no finding at all. */
class ExactGrantsTest {

    private static final String TASK_POLICY = """
            {"Version":"2012-10-17","Statement":[
              {"Sid":"Efs","Effect":"Allow","Action":["elasticfilesystem:ClientMount","elasticfilesystem:ClientWrite"],
               "Resource":"arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/fs-0123abcd"},
              {"Sid":"ExecuteCommand","Effect":"Allow","Action":["ssmmessages:CreateControlChannel","ssmmessages:CreateDataChannel",
               "ssmmessages:OpenControlChannel","ssmmessages:OpenDataChannel"],"Resource":"*"}]}""";

    @Test
    void noRuleFindsAnything() {
        Model model = place().service("aws_ecs_service.web", TD, true).build(taskDefinition(TD)
                .efsVolume("data", "fs-0123abcd", true)
                .container(web().mount("data", "/data", false))
                .execution(role("aws_iam_role.exec").inline("aws_iam_role_policy.exec", EXACT_POLICY))
                .task(role("aws_iam_role.task").trust(TASK_TRUST).inline("aws_iam_role_policy.task", TASK_POLICY)));
        List<Finding> found = run(model, BuiltInRules.all().toArray(new dev.roleplan.engine.Rule[0]));
        assertEquals(List.of(), found.stream().map(f -> f.rule().id() + ": " + f.message()).toList());
    }

    @Test
    void takingOneGrantAwayIsNoticed() {
        Model model = place().service("aws_ecs_service.web", TD, true).build(taskDefinition(TD)
                .efsVolume("data", "fs-0123abcd", true)
                .container(web().mount("data", "/data", false))
                .execution(role("aws_iam_role.exec").inline("aws_iam_role_policy.exec", EXACT_POLICY))
                .task(role("aws_iam_role.task").trust(TASK_TRUST).inline("aws_iam_role_policy.task",
                        TASK_POLICY.replace("\"elasticfilesystem:ClientWrite\"", "\"elasticfilesystem:ClientRootAccess\""))));
        assertEquals(List.of("RP203 elasticfilesystem:ClientWrite arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/fs-0123abcd"),
                run(model, BuiltInRules.all().toArray(new dev.roleplan.engine.Rule[0])).stream()
                        .map(f -> f.rule().id() + " " + f.key()).toList());
    }
}
