package dev.roleplan.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SarifReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode render(Report report) throws Exception {
        return JSON.readTree(new SarifReport().render(report));
    }

    private static Set<String> schemaErrors(JsonNode sarif) throws Exception {
        try (InputStream in = SarifReportTest.class.getResourceAsStream("/sarif-schema-2.1.0.json")) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
            Set<String> errors = new TreeSet<>();
            for (ValidationMessage m : schema.validate(sarif)) {
                errors.add(m.getMessage());
            }
            return errors;
        }
    }

    @Test
    void richReportValidatesAgainstTheOfficialSchema() throws Exception {
        JsonNode sarif = render(SampleReports.typical());
        assertTrue(sarif.at("/runs/0/results").size() >= 6, "the sample has real results");
        assertEquals(Set.of(), schemaErrors(sarif));
    }

    @Test
    void cleanAndHostileReportsValidateToo() throws Exception {
        assertEquals(Set.of(), schemaErrors(render(SampleReports.clean())));
        assertEquals(Set.of(), schemaErrors(render(SampleReports.hostile())));
    }

    @Test
    void theSchemaCheckCanFail() throws Exception {
        JsonNode sarif = render(SampleReports.typical());
        ((com.fasterxml.jackson.databind.node.ObjectNode) sarif.at("/runs/0/results/0")).put("level", "fatal");
        assertFalse(schemaErrors(sarif).isEmpty());
    }

    /** GitHub code scanning's documented requirements for uploaded SARIF ("SARIF support for code scanning"). */
    @Test
    void meetsGitHubCodeScanningRequirements() throws Exception {
        JsonNode sarif = render(SampleReports.typical());
        assertEquals("2.1.0", sarif.get("version").asText());
        assertEquals(1, sarif.get("runs").size());
        JsonNode driver = sarif.at("/runs/0/tool/driver");
        assertEquals("roleplan", driver.get("name").asText());
        assertEquals("test", driver.get("version").asText());
        List<String> problems = new ArrayList<>();
        List<String> ruleIds = new ArrayList<>();
        for (JsonNode rule : driver.get("rules")) {
            String id = rule.get("id").asText();
            ruleIds.add(id);
            for (String field : List.of("/name", "/shortDescription/text", "/fullDescription/text", "/helpUri",
                    "/help/text", "/defaultConfiguration/level", "/properties/security-severity")) {
                if (rule.at(field).asText("").isEmpty()) {
                    problems.add(id + " lacks " + field);
                }
            }
            double score = Double.parseDouble(rule.at("/properties/security-severity").asText());
            if (score <= 0 || score > 10) {
                problems.add(id + " security-severity out of range");
            }
            if (!rule.at("/properties/tags").isArray() || rule.at("/properties/tags").isEmpty()) {
                problems.add(id + " has no tags");
            }
        }
        assertEquals(ruleIds.stream().sorted().toList(), ruleIds, "rules sorted by id");
        assertEquals(9, ruleIds.size(), "every rule that ran, not only those with results: " + ruleIds);
        for (JsonNode result : sarif.at("/runs/0/results")) {
            String id = result.path("ruleId").asText();
            if (id.isEmpty()) {
                problems.add("a result without ruleId");
            }
            if (!ruleIds.get(result.get("ruleIndex").asInt()).equals(id)) {
                problems.add(id + ": ruleIndex points elsewhere");
            }
            if (result.at("/message/text").asText("").isEmpty()) {
                problems.add(id + ": no message.text");
            }
            JsonNode locations = result.get("locations");
            if (locations == null || locations.isEmpty() || locations.size() > 10) {
                problems.add(id + ": GitHub needs 1 to 10 locations");
                continue;
            }
            JsonNode physical = locations.get(0).get("physicalLocation");
            if (physical == null || physical.at("/artifactLocation/uri").asText("").isEmpty()
                    || physical.at("/region/startLine").asInt() < 1) {
                problems.add(id + ": GitHub needs physicalLocation with artifactLocation.uri and region.startLine");
            } else if (physical.at("/artifactLocation/uri").asText().startsWith("/")) {
                problems.add(id + ": uri must be relative to the repository");
            }
            if (result.at("/partialFingerprints/roleplan~1v1").asText("").length() != 32) {
                problems.add(id + ": no partialFingerprints");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void resultsCarryLevelLocationsFingerprintAndSuppression() throws Exception {
        JsonNode results = render(SampleReports.typical()).at("/runs/0/results");
        JsonNode rp301 = find(results, "RP301");
        assertEquals("error", rp301.get("level").asText());
        assertEquals("iam.tf", rp301.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(50, rp301.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals("module.svc.aws_ecs_task_definition.app[\"api\"]",
                rp301.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText());
        assertEquals("resource", rp301.at("/locations/0/logicalLocations/0/kind").asText());
        assertTrue(rp301.get("suppressions") == null);

        JsonNode rp304 = find(results, "RP304");
        assertEquals("external", rp304.at("/suppressions/0/kind").asText());
        assertEquals("legacy worker, replaced in Q3 (JIRA-42) (until 2027-03-01)", rp304.at("/suppressions/0/justification").asText());

        JsonNode rp104 = find(results, "RP104");
        assertEquals("note", rp104.get("level").asText());
        assertEquals("test.json", rp104.at("/locations/0/physicalLocation/artifactLocation/uri").asText(),
                "plan findings point at the plan file");
        assertEquals(1, rp104.at("/locations/0/physicalLocation/region/startLine").asInt());
    }

    @Test
    void levelsAndScoresFollowSeverity() {
        assertEquals(List.of("error", "error", "warning", "note", "note"),
                java.util.Arrays.stream(dev.roleplan.engine.Severity.values()).map(SarifReport::level).toList());
        assertEquals(List.of("9.5", "8.0", "5.5", "3.0", "1.0"),
                java.util.Arrays.stream(dev.roleplan.engine.Severity.values()).map(SarifReport::securitySeverity).toList());
    }

    @Test
    void pathsBecomeUriReferences() {
        assertEquals("modules/my%20svc/m%C3%A4in%5B1%5D.tf", SarifReport.uriReference("modules/my svc/mäin[1].tf"));
        assertEquals("iam.tf", SarifReport.uriReference("iam.tf"));
        assertEquals("a%3Ab/main.tf", SarifReport.uriReference("a:b/main.tf"), "a colon would read as a URI scheme");
    }

    @Test
    void sameReportSameBytes() {
        assertEquals(new SarifReport().render(SampleReports.typical()), new SarifReport().render(SampleReports.typical()));
    }

    private static JsonNode find(JsonNode results, String ruleId) {
        for (JsonNode r : results) {
            if (r.get("ruleId").asText().equals(ruleId)) {
                return r;
            }
        }
        throw new AssertionError("no result for " + ruleId);
    }
}
