package dev.roleplan.config;

import dev.roleplan.engine.Severity;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConfigLoaderTest {

    private static final String FULL = """
            fail-on: medium
            disable: [rp104]
            severity:
              RP302: medium
            external-roles:
              - arn: arn:aws:iam::123456789012:role/shared
                policies:
                  - arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy
                  - {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "s3:GetObject", Resource: "*"}]}
                  - '{"Version":"2012-10-17","Statement":[]}'
            guardrails:
              - name: no-iam-writes
                role: task
                actions: ["iam:*"]
                severity: critical
                reason: Tasks never manage IAM.
            suppressions:
              - rule: RP302
                address: module.legacy.*
                reason: Legacy worker, replaced in Q3.
                until: 2027-03-01
              - rule: RP101
                address: aws_ecs_task_definition.batch
            """;

    @Test
    void readsEveryKey() {
        Config c = ConfigLoader.parse(FULL, ".roleplan.yml");
        assertEquals(Severity.MEDIUM, c.failOn().threshold());
        assertEquals(Set.of("RP104"), c.disabledRules());
        assertEquals(Map.of("RP302", Severity.MEDIUM), c.severityOverrides());
        assertEquals(List.of(new Config.ExternalRole("arn:aws:iam::123456789012:role/shared", List.of(
                new Config.ExternalPolicy("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy", null,
                        "external-roles[0].policies[0]"),
                new Config.ExternalPolicy(null, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}",
                        "external-roles[0].policies[1]"),
                new Config.ExternalPolicy(null, "{\"Version\":\"2012-10-17\",\"Statement\":[]}", "external-roles[0].policies[2]")))),
                c.externalRoles());
        assertEquals(List.of(new Config.Guardrail("no-iam-writes", "task", List.of("iam:*"), List.of("*"), Severity.CRITICAL,
                "Tasks never manage IAM.")), c.guardrails());
        assertEquals(List.of(
                new Config.SuppressionEntry("RP302", "module.legacy.*", "Legacy worker, replaced in Q3.", LocalDate.of(2027, 3, 1),
                        ".roleplan.yml suppressions[0]"),
                new Config.SuppressionEntry("RP101", "aws_ecs_task_definition.batch", null, null, ".roleplan.yml suppressions[1]")),
                c.suppressions());
    }

    @Test
    void neverAndEmpty() {
        assertNull(ConfigLoader.parse("fail-on: never\n", "f").failOn().threshold());
        assertEquals(Config.empty().suppressions(), ConfigLoader.parse("", "f").suppressions());
        assertEquals(Config.empty().suppressions(), ConfigLoader.parse("# only a comment\n", "f").suppressions());
    }

    @Test
    void unknownKeyNamesItsPathLineAndTheKnownKeys() {
        assertEquals("c.yml line 3: unknown key \"adress\" at suppressions[0]; expected one of: address, reason, rule, until",
                error("suppressions:\n  - rule: RP302\n    adress: x\n"));
        assertEquals("c.yml line 1: unknown key \"fial-on\"; expected one of: disable, external-roles, fail-on, guardrails, "
                + "severity, suppressions", error("fial-on: high\n"));
    }

    @Test
    void wrongTypesAreErrorsWithTheirPath() {
        assertEquals("c.yml line 1: wrong type at disable: expected a list", error("disable: RP104\n"));
        assertEquals("c.yml line 2: wrong type at suppressions[0]: expected a mapping", error("suppressions:\n  - RP302\n"));
        assertEquals("c.yml line 1: wrong type at severity: expected a mapping", error("severity: [RP302]\n"));
        assertEquals("c.yml line 3: wrong type at guardrails[0].actions: expected a list",
                error("guardrails:\n  - name: g\n    actions: {a: b}\n"));
    }

    @Test
    void badValuesAreErrors() {
        assertEquals("c.yml line 1: fail-on: \"sometimes\": expected critical, high, medium, low, info or never", error("fail-on: sometimes\n"));
        assertEquals("c.yml line 2: suppressions[0].until: \"next year\" is not a date (YYYY-MM-DD)",
                error("suppressions:\n  - {rule: RP302, address: x, reason: r, until: next year}\n"));
        assertEquals("c.yml line 2: suppressions[0].address: required", error("suppressions:\n  - {rule: RP302, reason: r}\n"));
        assertEquals("c.yml line 1: disable[0]: \"302\" is not a rule id (RPnnn)", error("disable: [302]\n"));
        assertEquals("c.yml line 2: guardrails[0].role: \"admin\": expected execution, task or any",
                error("guardrails:\n  - {name: g, role: admin, actions: [\"iam:*\"]}\n"));
        assertEquals("c.yml line 2: guardrails[0].actions: a guardrail needs at least one action pattern",
                error("guardrails:\n  - {name: g}\n"));
        assertEquals("c.yml line 2: external-roles[0].arn: \"shared\" is not a role ARN (arn:aws:iam::ACCOUNT:role/NAME)",
                error("external-roles:\n  - {arn: shared}\n"));
        assertEquals("c.yml line 2: external-roles[0].policies[0]: expected a policy ARN, a policy document as a mapping, or its JSON as a string",
                error("external-roles:\n  - {arn: 'arn:aws:iam::1:role/x', policies: [42]}\n"));
    }

    @Test
    void valueErrorsPointAtTheirOwnLine() {
        assertEquals("c.yml line 4: suppressions[1].until: \"03/01/2027\" is not a date (YYYY-MM-DD)",
                error("suppressions:\n  - {rule: RP302, address: x, reason: r}\n  - rule: RP301\n    until: 03/01/2027\n    address: y\n"));
    }

    @Test
    void invalidYamlAndDuplicateKeys() {
        assertEquals("c.yml line 2: duplicate key \"fail-on\"", error("fail-on: high\nfail-on: low\n"));
        assertEquals("c.yml line 1: not valid YAML", error("fail-on: high: low\n").substring(0, 28));
    }

    private static String error(String yaml) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "c.yml")).getMessage();
    }
}
