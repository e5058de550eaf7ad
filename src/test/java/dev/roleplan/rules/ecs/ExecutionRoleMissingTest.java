package dev.roleplan.rules.ecs;

import dev.roleplan.model.Model;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.roleplan.rules.ecs.EcsScenes.TD;
import static dev.roleplan.rules.ecs.EcsScenes.lines;
import static dev.roleplan.rules.ecs.EcsScenes.place;
import static dev.roleplan.rules.ecs.EcsScenes.run;
import static dev.roleplan.rules.ecs.EcsScenes.web;
import static dev.roleplan.testing.Fixtures.container;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ExecutionRoleMissingTest {

    private final ExecutionRoleMissing rule = new ExecutionRoleMissing();

    @Test
    void firesWhenAContainerNeedsTheExecutionRole() {
        Model model = place().build(taskDefinition(TD).container(web()));
        assertEquals(List.of("RP103 high " + TD + " | execution - | - | -"), lines(model, rule));
        assertEquals("No execution role is set on " + TD + ", but container \"web\", image; container \"web\", "
                + "logConfiguration.options.awslogs-group; container \"web\", secrets[DB_PASSWORD].valueFrom need one: the task "
                + "would fail to start with CannotPullContainerError. Set execution_role_arn.", run(model, rule).get(0).message());
    }

    @Test
    void firesForEachFeatureOnItsOwn() {
        for (var c : List.of(
                container("a").log("awslogs", "awslogs-group", "g"),
                container("a").secret("S", "/param"),
                container("a").repositoryCredentials("arn:aws:secretsmanager:eu-west-1:123456789012:secret:hub-AbC123"),
                container("a").environmentFile("arn:aws:s3:::b/a.env"),
                container("a").image("123456789012.dkr.ecr.eu-west-1.amazonaws.com/a:1"))) {
            assertEquals(1, run(place().build(taskDefinition(TD).container(c)), rule).size());
        }
    }

    @Test
    void silentWhenNothingNeedsItOrARoleIsSet() {
        assertEquals(List.of(), run(place().build(taskDefinition(TD).container(container("a").image("public.ecr.aws/nginx/nginx:1")
                .log("json-file"))), rule));
        assertEquals(List.of(), run(place().build(taskDefinition(TD).container(web()).execution(role("aws_iam_role.exec"))), rule));
        assertEquals(List.of(), run(place().build(taskDefinition(TD).container(web()).executionRef(
                dev.roleplan.model.RoleStatus.UNKNOWN, null, "computed")), rule));
    }
}
