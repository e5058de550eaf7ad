package dev.roleplan.input;

import dev.roleplan.model.ContainerDefinition;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContainerDefinitionsParserTest {

    private static final String PROVIDER_FORM = "[{\"cpu\":256,\"environment\":[{\"name\":\"DB_PASSWORD\",\"value\":\"s3cret-value\"}],"
            + "\"environmentFiles\":[{\"type\":\"s3\",\"value\":\"arn:aws:s3:::cfg/app.env\"}],\"essential\":true,"
            + "\"image\":\"123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1\",\"logConfiguration\":{\"logDriver\":\"awslogs\","
            + "\"options\":{\"awslogs-group\":\"/ecs/app\"},\"secretOptions\":[{\"name\":\"KEY\",\"valueFrom\":\"arn:aws:ssm:eu-west-1:1:parameter/k\"}]},"
            + "\"memory\":\"512\",\"name\":\"app\",\"privileged\":false,\"repositoryCredentials\":{\"credentialsParameter\":\"arn:aws:secretsmanager:eu-west-1:1:secret:rc\"},"
            + "\"secrets\":[{\"name\":\"API_KEY\",\"valueFrom\":\"arn:aws:secretsmanager:eu-west-1:1:secret:api\"}]}]";

    @Test
    void readsTheProviderForm() {
        ContainerDefinitionsParser.Result result = ContainerDefinitionsParser.parse(PROVIDER_FORM);
        assertEquals(List.of(), result.problems());
        ContainerDefinition app = result.containers().get(0);
        assertEquals("app", app.name());
        assertEquals("123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1", app.image());
        assertEquals(Boolean.TRUE, app.essential());
        assertEquals(Boolean.FALSE, app.privileged());
        assertEquals("awslogs", app.logConfiguration().logDriver());
        assertEquals(Map.of("awslogs-group", "/ecs/app"), app.logConfiguration().options());
        assertEquals(List.of(new ContainerDefinition.Secret("KEY", "arn:aws:ssm:eu-west-1:1:parameter/k")), app.logConfiguration().secretOptions());
        assertEquals(List.of(new ContainerDefinition.Secret("API_KEY", "arn:aws:secretsmanager:eu-west-1:1:secret:api")), app.secrets());
        assertEquals(List.of(new ContainerDefinition.EnvironmentVariable("DB_PASSWORD", "s3cret-value")), app.environment());
        assertEquals(List.of(new ContainerDefinition.EnvironmentFile("s3", "arn:aws:s3:::cfg/app.env")), app.environmentFiles());
        assertEquals("arn:aws:secretsmanager:eu-west-1:1:secret:rc", app.repositoryCredentialsParameter());
        // numbers may be written as strings; other fields are kept, without the environment
        assertEquals(Map.of("cpu", new BigDecimal("256"), "memory", new BigDecimal("512")), app.otherFields());
    }

    @Test
    void heredocPrettyTextAndAnAlreadyParsedListReadTheSame() {
        String heredoc = "[\n  {\n    \"name\": \"app\",\n    \"image\": \"nginx\",\n    \"essential\": \"true\",\n    \"cpu\": \"10\"\n  }\n]\n";
        ContainerDefinitionsParser.Result text = ContainerDefinitionsParser.parse(heredoc);
        ContainerDefinitionsParser.Result tree = ContainerDefinitionsParser.parseValue(
                List.of(Map.of("name", "app", "image", "nginx", "essential", "true", "cpu", "10")));
        assertEquals(text, tree);
        assertEquals(Boolean.TRUE, text.containers().get(0).essential());
        assertEquals(Map.of("cpu", new BigDecimal("10")), text.containers().get(0).otherFields());
    }

    @Test
    void invalidJsonIsAProblemThatNeverQuotesTheInput() {
        String broken = "[{\"name\":\"app\",\"environment\":[{\"name\":\"PW\",\"value\":\"hunter2\"}] hunter2 }]";
        ContainerDefinitionsParser.Result result = ContainerDefinitionsParser.parse(broken);
        assertEquals(List.of(), result.containers());
        assertEquals(1, result.problems().size());
        assertTrue(result.problems().get(0).startsWith("container_definitions is not valid JSON at line 1, column "), result.problems().get(0));
        assertFalse(result.problems().get(0).contains("hunter2"));
    }

    @Test
    void wrongShapesArePlacedProblems() {
        ContainerDefinitionsParser.Result result = ContainerDefinitionsParser.parse(
                "[{\"name\":\"a\",\"essential\":\"yes\",\"secrets\":{},\"environment\":[\"PW=x\"]}, 7]");
        assertEquals(List.of(
                "container_definitions[0].essential is not a boolean",
                "container_definitions[0].secrets is not a list",
                "container_definitions[0].environment[0] is not an object",
                "container_definitions[1] is not an object"), result.problems());
        assertEquals(1, result.containers().size());
        assertNull(result.containers().get(0).essential());
        assertEquals(List.of("container_definitions is a JSON number, not a list of containers"),
                ContainerDefinitionsParser.parse("42").problems());
        assertEquals(List.of("container_definitions is empty"), ContainerDefinitionsParser.parse("").problems());
    }
}
