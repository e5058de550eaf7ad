package dev.roleplan.rules.roles;

import dev.roleplan.engine.Engine;
import dev.roleplan.model.RoleStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.roleplan.testing.Fixtures.findings;
import static dev.roleplan.testing.Fixtures.model;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RoleNotResolvedTest {

    private final RoleNotResolved rule = new RoleNotResolved();

    @Test
    void reportsExternalAndUnknownRolesWithTheirReason() {
        var model = model(taskDefinition("aws_ecs_task_definition.app")
                .executionRef(RoleStatus.EXTERNAL, "arn:aws:iam::123456789012:role/shared", "arn:aws:iam::123456789012:role/shared is not defined in this input")
                .taskRef(RoleStatus.UNKNOWN, null, "task_role_arn is computed from local.task_arn, which a plan does not record"));
        assertEquals(List.of(
                "RP104 info aws_ecs_task_definition.app | execution arn:aws:iam::123456789012:role/shared | - | -",
                "RP104 info aws_ecs_task_definition.app | task (unknown) | - | -"), findings(model, rule));
        var messages = new Engine(List.of(rule)).run(model).stream().map(f -> f.message()).toList();
        assertEquals("The task role of aws_ecs_task_definition.app is unknown: task_role_arn is computed from "
                + "local.task_arn, which a plan does not record. Its permissions are not analysed.", messages.get(1));
    }

    @Test
    void reportsUnreadablePoliciesAndTrustOfResolvedRoles() {
        var exec = role("aws_iam_role.exec").unknownTrust("assume_role_policy is computed at apply")
                .unknownPolicy("aws_iam_role_policy.exec", "policy is computed at apply")
                .managed("arn:aws:iam::aws:policy/NotInCatalog", null)
                .inline("aws_iam_role_policy.fine", "{\"Version\":\"2012-10-17\",\"Statement\":[]}");
        assertEquals(List.of(
                "RP104 info aws_ecs_task_definition.app | execution aws_iam_role.exec | arn:aws:iam::aws:policy/NotInCatalog | -",
                "RP104 info aws_ecs_task_definition.app | execution aws_iam_role.exec | assume_role_policy | -",
                "RP104 info aws_ecs_task_definition.app | execution aws_iam_role.exec | aws_iam_role_policy.exec | -"),
                findings(model(taskDefinition("aws_ecs_task_definition.app").execution(exec)), rule));
    }

    @Test
    void silentWhenEverythingIsResolvedOrAbsent() {
        assertEquals(List.of(), findings(model(taskDefinition("aws_ecs_task_definition.app")
                .execution(role("aws_iam_role.exec"))), rule));
    }
}
