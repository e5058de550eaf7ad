package dev.roleplan.rules.roles;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.roleplan.testing.Fixtures.ECS_TRUST;
import static dev.roleplan.testing.Fixtures.findings;
import static dev.roleplan.testing.Fixtures.model;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RoleTrustsOtherPrincipalsTest {

    private final RoleTrustsOtherPrincipals rule = new RoleTrustsOtherPrincipals();

    private List<String> check(String trust) {
        return findings(model(taskDefinition("aws_ecs_task_definition.app").execution(role("aws_iam_role.exec").trust(trust))), rule);
    }

    @Test
    void highForEachOtherServiceAccountOrFederatedPrincipal() {
        assertEquals(List.of(
                "RP107 high aws_ecs_task_definition.app | execution aws_iam_role.exec | assume_role_policy | 0",
                "RP107 high aws_ecs_task_definition.app | execution aws_iam_role.exec | assume_role_policy | 0",
                "RP107 high aws_ecs_task_definition.app | execution aws_iam_role.exec | assume_role_policy | Oidc"), check("""
                {"Statement":[
                  {"Effect":"Allow","Principal":{"Service":["ecs-tasks.amazonaws.com","lambda.amazonaws.com"],"AWS":"arn:aws:iam::999999999999:root"},"Action":"sts:AssumeRole"},
                  {"Sid":"Oidc","Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity"}]}"""));
    }

    @Test
    void criticalForAnyoneAndForAllowWithNotPrincipal() {
        assertEquals(List.of("RP107 critical aws_ecs_task_definition.app | execution aws_iam_role.exec | assume_role_policy | 0"),
                check("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\"}]}"));
        assertEquals(List.of("RP107 critical aws_ecs_task_definition.app | execution aws_iam_role.exec | assume_role_policy | 0"),
                check("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\"}]}"));
        assertEquals(List.of("RP107 critical aws_ecs_task_definition.app | execution aws_iam_role.exec | assume_role_policy | 0"),
                check("{\"Statement\":[{\"Effect\":\"Allow\",\"NotPrincipal\":{\"AWS\":\"arn:aws:iam::1:root\"},\"Action\":\"sts:AssumeRole\"}]}"));
    }

    @Test
    void silentForEcsTasksOnlyAndForDenyOrNonAssumeStatements() {
        assertEquals(List.of(), check(ECS_TRUST));
        assertEquals(List.of(), check("""
                {"Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"},
                  {"Effect":"Deny","Principal":"*","Action":"sts:AssumeRole"},
                  {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1:root"},"Action":"sts:TagSession"}]}"""));
    }
}
