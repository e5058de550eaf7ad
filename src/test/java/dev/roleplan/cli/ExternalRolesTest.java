package dev.roleplan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Roles the plan names by ARN are analysed with the policies `.roleplan.yml` describes for them. */
class ExternalRolesTest {

    @Test
    void configuredExternalRolesAreAnalysed(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("roleplan.yml");
        Files.writeString(config, """
                external-roles:
                  - arn: arn:aws:iam::123456789012:role/legacy-app
                    policies:
                      - {Version: "2012-10-17", Statement: [{Sid: Everything, Effect: Allow, Action: "*", Resource: "*"}]}
                  - arn: arn:aws:iam::123456789012:role/legacy-ecs-execution
                    policies:
                      - arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy
                      - arn:aws:iam::123456789012:policy/not-described
                """);
        Cli r = Cli.run("check", "testdata/example/plan.json", "--config", config.toString(), "--format", "json");
        assertEquals(1, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode legacy = root.get("task_definitions").get(0);
        assertEquals("aws_ecs_task_definition.legacy", legacy.get("address").asText());
        assertEquals("resolved", legacy.at("/task_role/status").asText());
        assertEquals("arn:aws:iam::123456789012:role/legacy-app", legacy.at("/task_role/address").asText());
        assertTrue(legacy.at("/task_role/reason").asText().contains("external-roles"));
        boolean admin = false;
        boolean undescribed = false;
        for (JsonNode f : root.get("findings")) {
            if (!"aws_ecs_task_definition.legacy".equals(f.path("task_definition").asText())) {
                continue;
            }
            admin |= f.get("rule").asText().equals("RP301") && f.get("statement").asText().equals("Everything");
            undescribed |= f.get("rule").asText().equals("RP104")
                    && f.get("policy").asText().equals("arn:aws:iam::123456789012:policy/not-described");
        }
        assertTrue(admin, "the described task role's admin statement is judged");
        assertTrue(undescribed, "a policy named only by ARN is reported as not analysed");
    }
}
