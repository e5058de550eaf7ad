package dev.roleplan.rules.privilege;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.roleplan.testing.Fixtures.findings;
import static dev.roleplan.testing.Fixtures.model;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllowsServiceWildcardTest {

    private final AllowsServiceWildcard rule = new AllowsServiceWildcard();

    @Test
    void firesOncePerServiceWildcard() {
        var task = role("aws_iam_role.task").inline("aws_iam_role_policy.p", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*","IAM:*","s3:Get*"],"Resource":"*"}]}""");
        assertEquals(List.of(
                "RP302 high aws_ecs_task_definition.a | task aws_iam_role.task | aws_iam_role_policy.p | 0",
                "RP302 high aws_ecs_task_definition.a | task aws_iam_role.task | aws_iam_role_policy.p | 0"),
                findings(model(taskDefinition("aws_ecs_task_definition.a").task(task)), rule));
    }

    @Test
    void silentForPrefixWildcardsStarDenyAndNotAction() {
        var task = role("aws_iam_role.task").inline("aws_iam_role_policy.p", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","*"],"Resource":"*"},
                  {"Effect":"Deny","Action":"iam:*","Resource":"*"},{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}""");
        assertEquals(List.of(), findings(model(taskDefinition("aws_ecs_task_definition.a").task(task)), rule));
    }

    @Test
    void recognisesOnlyWholeServiceWildcards() {
        assertTrue(AllowsServiceWildcard.isServiceWildcard("s3:*"));
        assertFalse(AllowsServiceWildcard.isServiceWildcard("*"));
        assertFalse(AllowsServiceWildcard.isServiceWildcard("s3:*Object"));
        assertFalse(AllowsServiceWildcard.isServiceWildcard("s3:**"));
        assertFalse(AllowsServiceWildcard.isServiceWildcard("*:*"));
    }
}
