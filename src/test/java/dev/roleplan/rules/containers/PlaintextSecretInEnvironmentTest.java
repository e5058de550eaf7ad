package dev.roleplan.rules.containers;

import dev.roleplan.engine.Engine;
import dev.roleplan.engine.Finding;
import dev.roleplan.model.ContainerDefinition.EnvironmentVariable;
import dev.roleplan.model.Model;
import dev.roleplan.report.JsonReport;
import dev.roleplan.report.Report;
import dev.roleplan.report.TextReport;
import dev.roleplan.rules.BuiltInRules;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.roleplan.testing.Fixtures.container;
import static dev.roleplan.testing.Fixtures.findings;
import static dev.roleplan.testing.Fixtures.model;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlaintextSecretInEnvironmentTest {

    private static final String TD = "aws_ecs_task_definition.app";
    private static final String PASSWORD = "hunter2-Very-Secret-Value";
    private static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String DB_URL = "postgres://app:s3cr3t-pw@db.internal:5432/app";

    private final PlaintextSecretInEnvironment rule = new PlaintextSecretInEnvironment();

    private static Model leaky() {
        return model(taskDefinition(TD).container(container("api")
                .env("LOG_LEVEL", "info")
                .env("DB_PASSWORD", PASSWORD)
                .env("UPSTREAM", ACCESS_KEY)
                .env("DATABASE_URL", DB_URL)
                .env("API_TOKEN_URL", "https://auth.example.com/token")
                .env("DB_PASSWORD_ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbC123")
                .env("SECRET_PLACEHOLDER", "")));
    }

    @Test
    void namesTheContainerAndVariableOfEachSecretLookingEntry() {
        List<Finding> found = new Engine(List.of(rule)).run(leaky());
        assertEquals(List.of(
                "Container \"api\" of " + TD + " sets environment variable DATABASE_URL in plain text, and its value looks like "
                        + "a URL with a password. Anyone who can describe the task definition or read the state reads it: store "
                        + "it in Secrets Manager or SSM Parameter Store and reference it from secrets[] with valueFrom.",
                "Container \"api\" of " + TD + " sets environment variable DB_PASSWORD in plain text, and its name contains "
                        + "PASSWORD. Anyone who can describe the task definition or read the state reads it: store it in Secrets "
                        + "Manager or SSM Parameter Store and reference it from secrets[] with valueFrom.",
                "Container \"api\" of " + TD + " sets environment variable UPSTREAM in plain text, and its value looks like an "
                        + "AWS access key id. Anyone who can describe the task definition or read the state reads it: store it in "
                        + "Secrets Manager or SSM Parameter Store and reference it from secrets[] with valueFrom."),
                found.stream().map(Finding::message).toList());
        assertEquals(List.of("RP601 high " + TD + " | - - | - | -", "RP601 high " + TD + " | - - | - | -",
                "RP601 high " + TD + " | - - | - | -"), findings(leaky(), rule));
    }

    @Test
    void theValueAppearsInNoOutputFormat() {
        Model model = leaky();
        List<Finding> found = new Engine(BuiltInRules.all()).run(model);
        assertEquals(3, found.stream().filter(f -> f.rule().id().equals("RP601")).count());
        Report report = Report.of("test", model, found);
        for (String output : List.of(new TextReport().render(report), new JsonReport().render(report))) {
            assertTrue(output.contains("DB_PASSWORD"), "the variable is named");
            for (String secret : List.of(PASSWORD, ACCESS_KEY, DB_URL, "s3cr3t-pw")) {
                assertFalse(output.contains(secret), "a secret value leaked into:\n" + output);
            }
        }
    }

    @Test
    void namePatterns() {
        for (String name : List.of("PASSWORD", "db_password", "DBPASSWORD", "STRIPE_API_KEY", "GITHUB_TOKEN", "JWT_SECRET",
                "AWS_SECRET_ACCESS_KEY", "CLIENT_SECRET", "SSH_PRIVATE_KEY", "app-secret", "AUTH_TOKEN", "PASSPHRASE")) {
            assertTrue(PlaintextSecretInEnvironment.reason(new EnvironmentVariable(name, "x1y2z3")) != null, name);
        }
        for (String name : List.of("LOG_LEVEL", "SECRET_ARN", "DB_PASSWORD_FILE", "TOKEN_URL", "TOKENIZER", "KEYCLOAK_REALM",
                "SECRETS_MANAGER_SECRET_ID", "PWD", "PASSWORD_MIN_LENGTH", "API_KEY_HEADER", "KMS_KEY_ID")) {
            assertNull(PlaintextSecretInEnvironment.reason(new EnvironmentVariable(name, "x1y2z3")), name);
        }
    }

    @Test
    void valuePatternsWhateverTheName() {
        for (String value : List.of(ACCESS_KEY, "ASIAY34FZKBOKMUTVV7A", "-----BEGIN RSA PRIVATE KEY-----\nMIIE",
                "ghp_" + "a".repeat(36), "xoxb-1234567890-abcdefghij", "sk_live_" + "a1".repeat(12),
                "glpat-" + "x".repeat(20), "redis://:pw@cache:6379".replace("://:", "://u:"))) {
            assertTrue(PlaintextSecretInEnvironment.reason(new EnvironmentVariable("SETTING", value)) != null, value);
        }
        for (String value : List.of("info", "https://example.com/path", "AKIA-not-a-key", "postgres://db.internal:5432/app")) {
            assertNull(PlaintextSecretInEnvironment.reason(new EnvironmentVariable("SETTING", value)), value);
        }
    }

    @Test
    void silentForCleanContainers() {
        assertEquals(List.of(), findings(model(taskDefinition(TD).container(container("api").env("PORT", "8080")
                .secret("DB_PASSWORD", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbC123"))), rule));
    }
}
