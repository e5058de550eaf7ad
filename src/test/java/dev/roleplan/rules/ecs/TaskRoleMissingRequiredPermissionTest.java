package dev.roleplan.rules.ecs;

import dev.roleplan.engine.Finding;
import dev.roleplan.model.Model;
import dev.roleplan.testing.Fixtures.TaskDefinitionBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.roleplan.rules.ecs.EcsScenes.TD;
import static dev.roleplan.rules.ecs.EcsScenes.allow;
import static dev.roleplan.rules.ecs.EcsScenes.place;
import static dev.roleplan.rules.ecs.EcsScenes.run;
import static dev.roleplan.testing.Fixtures.container;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TaskRoleMissingRequiredPermissionTest {

    private static final String FS = "arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/fs-0123abcd";
    private final TaskRoleMissingRequiredPermission rule = new TaskRoleMissingRequiredPermission();

    private static TaskDefinitionBuilder efs() {
        return taskDefinition(TD).efsVolume("data", "fs-0123abcd", true)
                .container(container("web").mount("data", "/data", false));
    }

    private static List<String> lines(List<Finding> findings) {
        return findings.stream().map(f -> f.severity().label() + " " + f.role() + ": " + f.message()).toList();
    }

    @Test
    void efsWriteMissing() {
        Model model = place().build(efs().task(role("aws_iam_role.task").inline("aws_iam_role_policy.task",
                allow("elasticfilesystem:ClientMount", FS))));
        assertEquals(List.of("high aws_iam_role.task: The task role aws_iam_role.task of " + TD + " does not allow "
                + "elasticfilesystem:ClientWrite on " + FS + " (no policy of the role allows it), which container \"web\", "
                + "mountPoints[data] needs to write to EFS volume data: the task would fail to start with "
                + "ResourceInitializationError."), lines(run(model, rule)));
    }

    @Test
    void efsGrantedWithAWildcard() {
        Model model = place().build(efs().task(role("aws_iam_role.task").inline("aws_iam_role_policy.task",
                allow("elasticfilesystem:Client*", "arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/*"))));
        assertEquals(List.of(), run(model, rule));
    }

    @Test
    void executeCommandWithoutATaskRole() {
        Model model = place().service("aws_ecs_service.web", TD, true).build(taskDefinition(TD).container(container("web")));
        assertEquals(List.of("high null: No task role is set on " + TD + ", but it needs one that allows "
                + "ssmmessages:CreateControlChannel (aws_ecs_service.web.enable_execute_command), ssmmessages:CreateDataChannel "
                + "(aws_ecs_service.web.enable_execute_command), ssmmessages:OpenControlChannel "
                + "(aws_ecs_service.web.enable_execute_command), ssmmessages:OpenDataChannel "
                + "(aws_ecs_service.web.enable_execute_command): aws ecs execute-command would fail "
                + "(TargetNotConnectedException). Set task_role_arn to a role that grants them."), lines(run(model, rule)));
    }

    @Test
    void executeCommandDeniedExplicitly() {
        Model model = place().service("aws_ecs_service.web", TD, true).build(taskDefinition(TD).container(container("web"))
                .task(role("aws_iam_role.task").inline("aws_iam_role_policy.task", allow("ssmmessages:*", "*"))
                        .inline("aws_iam_role_policy.guard", """
                                {"Statement":[{"Sid":"NoData","Effect":"Deny","Action":"ssmmessages:*DataChannel","Resource":"*"}]}""")));
        List<Finding> found = run(model, rule);
        assertEquals(List.of(
                "aws_iam_role_policy.guard NoData ssmmessages:CreateDataChannel *",
                "aws_iam_role_policy.guard NoData ssmmessages:OpenDataChannel *"),
                found.stream().map(f -> f.policy() + " " + f.statement() + " " + f.key()).toList());
    }

    @Test
    void silentWhenNothingIsRequiredOrTheRoleIsExternal() {
        assertEquals(List.of(), run(place().service("aws_ecs_service.web", TD, false)
                .build(taskDefinition(TD).container(container("web"))), rule));
        assertEquals(List.of(), run(place().build(efs().taskRef(dev.roleplan.model.RoleStatus.EXTERNAL,
                "arn:aws:iam::123456789012:role/x", "not in the input")), rule));
    }
}
