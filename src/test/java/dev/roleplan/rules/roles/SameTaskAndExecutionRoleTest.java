package dev.roleplan.rules.roles;

import dev.roleplan.model.RoleStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.roleplan.testing.Fixtures.findings;
import static dev.roleplan.testing.Fixtures.model;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SameTaskAndExecutionRoleTest {

    private final SameTaskAndExecutionRole rule = new SameTaskAndExecutionRole();

    @Test
    void firesWhenBothAttributesResolveToOneRoleResource() {
        var shared = role("module.iam.aws_iam_role.shared");
        assertEquals(List.of("RP101 high aws_ecs_task_definition.app | execution module.iam.aws_iam_role.shared | - | -"),
                findings(model(taskDefinition("aws_ecs_task_definition.app").execution(shared).task(shared)), rule));
    }

    @Test
    void firesWhenAResolvedRoleAndALiteralArnNameTheSameRole() {
        var exec = role("aws_iam_role.svc").arn("arn:aws:iam::123456789012:role/svc");
        assertEquals(List.of("RP101 high aws_ecs_task_definition.app | execution aws_iam_role.svc | - | -"),
                findings(model(taskDefinition("aws_ecs_task_definition.app").execution(exec)
                        .taskRef(RoleStatus.EXTERNAL, "arn:aws:iam::123456789012:role/svc", "not in the input")), rule));
    }

    @Test
    void firesWhenAnArnWithPathAndABareNameNameTheSameRole() {
        assertEquals(1, findings(model(taskDefinition("aws_ecs_task_definition.app")
                .executionRef(RoleStatus.EXTERNAL, "arn:aws:iam::123456789012:role/ecs/svc", "x")
                .taskRef(RoleStatus.EXTERNAL, "svc", "x")), rule).size());
    }

    @Test
    void silentForTwoRoles() {
        assertEquals(List.of(), findings(model(taskDefinition("aws_ecs_task_definition.app")
                .execution(role("aws_iam_role.exec")).task(role("aws_iam_role.task"))), rule));
    }

    @Test
    void silentForSameNameInDifferentAccounts() {
        assertEquals(List.of(), findings(model(taskDefinition("aws_ecs_task_definition.app")
                .executionRef(RoleStatus.EXTERNAL, "arn:aws:iam::111111111111:role/svc", "x")
                .taskRef(RoleStatus.EXTERNAL, "arn:aws:iam::222222222222:role/svc", "x")), rule));
    }

    @Test
    void silentWhenATaskRoleIsMissingOrUnknown() {
        var exec = role("aws_iam_role.exec");
        assertEquals(List.of(), findings(model(
                taskDefinition("aws_ecs_task_definition.a").execution(exec),
                taskDefinition("aws_ecs_task_definition.b").execution(exec).taskRef(RoleStatus.UNKNOWN, null, "computed"),
                taskDefinition("aws_ecs_task_definition.c").executionRef(RoleStatus.UNKNOWN, null, "computed")
                        .taskRef(RoleStatus.UNKNOWN, null, "computed")), rule));
    }
}
