package dev.roleplan.rules.privilege;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.roleplan.testing.Fixtures.findings;
import static dev.roleplan.testing.Fixtures.model;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AllowWithNotActionOrNotResourceTest {

    private final AllowWithNotActionOrNotResource rule = new AllowWithNotActionOrNotResource();

    @Test
    void firesForAllowWithEitherNotForm() {
        var exec = role("aws_iam_role.exec").inline("aws_iam_role_policy.p", """
                {"Version":"2012-10-17","Statement":[
                  {"Sid":"NA","Effect":"Allow","NotAction":"iam:*","Resource":"*"},
                  {"Sid":"NR","Effect":"Allow","Action":"s3:GetObject","NotResource":"arn:aws:s3:::secret/*"},
                  {"Sid":"Both","Effect":"Allow","NotAction":"iam:*","NotResource":"arn:aws:s3:::x"}]}""");
        assertEquals(List.of(
                "RP304 high aws_ecs_task_definition.a | execution aws_iam_role.exec | aws_iam_role_policy.p | Both",
                "RP304 high aws_ecs_task_definition.a | execution aws_iam_role.exec | aws_iam_role_policy.p | NA",
                "RP304 high aws_ecs_task_definition.a | execution aws_iam_role.exec | aws_iam_role_policy.p | NR"),
                findings(model(taskDefinition("aws_ecs_task_definition.a").execution(exec)), rule));
    }

    @Test
    void silentForDenyWithNotForms() {
        var exec = role("aws_iam_role.exec").inline("aws_iam_role_policy.p", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":"s3:GetObject","NotResource":"arn:aws:s3:::b/*"},
                  {"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}""");
        assertEquals(List.of(), findings(model(taskDefinition("aws_ecs_task_definition.a").execution(exec)), rule));
    }
}
