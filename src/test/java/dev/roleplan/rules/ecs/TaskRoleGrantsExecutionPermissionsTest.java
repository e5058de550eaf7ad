package dev.roleplan.rules.ecs;

import dev.roleplan.model.Model;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.roleplan.rules.ecs.EcsScenes.LOG_GROUP;
import static dev.roleplan.rules.ecs.EcsScenes.REPOSITORY;
import static dev.roleplan.rules.ecs.EcsScenes.TD;
import static dev.roleplan.rules.ecs.EcsScenes.allow;
import static dev.roleplan.rules.ecs.EcsScenes.lines;
import static dev.roleplan.rules.ecs.EcsScenes.place;
import static dev.roleplan.rules.ecs.EcsScenes.run;
import static dev.roleplan.rules.ecs.EcsScenes.web;
import static dev.roleplan.testing.Fixtures.container;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TaskRoleGrantsExecutionPermissionsTest {

    private final TaskRoleGrantsExecutionPermissions rule = new TaskRoleGrantsExecutionPermissions();

    @Test
    void firesWhenTheTaskRoleCanPullTheImageAndWriteTheLogs() {
        Model model = place().build(taskDefinition(TD).container(web()).task(role("aws_iam_role.task")
                .inline("aws_iam_role_policy.task", """
                        {"Statement":[{"Sid":"Platform","Effect":"Allow","Action":["ecr:*","logs:PutLogEvents"],"Resource":"*"}]}""")));
        assertEquals(List.of("RP108 low " + TD + " | task aws_iam_role.task | aws_iam_role_policy.task | Platform"), lines(model, rule));
        assertEquals("The task role aws_iam_role.task of " + TD + " allows what the execution role does for this task: "
                + "ecr:GetAuthorizationToken on *; ecr:GetDownloadUrlForLayer on " + REPOSITORY + "; ecr:BatchGetImage on "
                + REPOSITORY + "; logs:PutLogEvents on " + LOG_GROUP + " (granted by aws_iam_role_policy.task). Remove these "
                + "from the task role unless the application itself calls them.",
                run(model, rule).get(0).message());
    }

    @Test
    void silentForOtherLogGroupsAndWhenTheTaskPullsNoPrivateImage() {
        Model otherGroup = place().build(taskDefinition(TD).container(web()).task(role("aws_iam_role.task")
                .inline("aws_iam_role_policy.task", allow("logs:PutLogEvents", "arn:aws:logs:eu-west-1:123456789012:log-group:/app/audit:*"))));
        assertEquals(List.of(), run(otherGroup, rule));
        Model publicImage = place().build(taskDefinition(TD).container(container("web").image("public.ecr.aws/nginx/nginx:1"))
                .task(role("aws_iam_role.task").inline("aws_iam_role_policy.task", allow("ecr:*", "*"))));
        assertEquals(List.of(), run(publicImage, rule));
    }
}
