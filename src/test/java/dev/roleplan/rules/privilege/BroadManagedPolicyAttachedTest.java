package dev.roleplan.rules.privilege;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.roleplan.testing.Fixtures.findings;
import static dev.roleplan.testing.Fixtures.model;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BroadManagedPolicyAttachedTest {

    private final BroadManagedPolicyAttached rule = new BroadManagedPolicyAttached();

    /** Issue 3's done-when: AdministratorAccess on a task role. */
    @Test
    void administratorAccessOnATaskRoleIsCritical() {
        var task = role("aws_iam_role.task").managed("arn:aws:iam::aws:policy/AdministratorAccess", null);
        assertEquals(List.of("RP305 critical aws_ecs_task_definition.a | task aws_iam_role.task | arn:aws:iam::aws:policy/AdministratorAccess | -"),
                findings(model(taskDefinition("aws_ecs_task_definition.a").task(task)), rule));
    }

    @Test
    void otherBroadPoliciesAreHighOncePerTaskDefinition() {
        var exec = role("aws_iam_role.exec")
                .managed("arn:aws:iam::aws:policy/PowerUserAccess", null)
                .managed("arn:aws:iam::aws:policy/IAMFullAccess", null)
                .managed("arn:aws:iam::aws:policy/AmazonS3FullAccess", null)
                .managed("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy", null)
                .managed("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", null);
        assertEquals(List.of(
                "RP305 high aws_ecs_task_definition.a | execution aws_iam_role.exec | arn:aws:iam::aws:policy/AmazonS3FullAccess | -",
                "RP305 high aws_ecs_task_definition.a | execution aws_iam_role.exec | arn:aws:iam::aws:policy/IAMFullAccess | -",
                "RP305 high aws_ecs_task_definition.a | execution aws_iam_role.exec | arn:aws:iam::aws:policy/PowerUserAccess | -",
                "RP305 high aws_ecs_task_definition.b | execution aws_iam_role.exec | arn:aws:iam::aws:policy/AmazonS3FullAccess | -",
                "RP305 high aws_ecs_task_definition.b | execution aws_iam_role.exec | arn:aws:iam::aws:policy/IAMFullAccess | -",
                "RP305 high aws_ecs_task_definition.b | execution aws_iam_role.exec | arn:aws:iam::aws:policy/PowerUserAccess | -"),
                findings(model(taskDefinition("aws_ecs_task_definition.a").execution(exec), taskDefinition("aws_ecs_task_definition.b").execution(exec)), rule));
    }

    @Test
    void silentForCustomerPoliciesNamedLikeThemAndForBoundaries() {
        var task = role("aws_iam_role.task")
                .attached("aws_iam_policy.AdministratorAccess", "{\"Version\":\"2012-10-17\",\"Statement\":[]}")
                .boundary("arn:aws:iam::aws:policy/PowerUserAccess", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}");
        assertEquals(List.of(), findings(model(taskDefinition("aws_ecs_task_definition.a").task(task)), rule));
    }
}
