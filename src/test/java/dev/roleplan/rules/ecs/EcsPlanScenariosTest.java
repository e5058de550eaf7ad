package dev.roleplan.rules.ecs;

import dev.roleplan.ecs.Requirement;
import dev.roleplan.ecs.Requirements;
import dev.roleplan.ecs.SuggestedPolicy;
import dev.roleplan.engine.Engine;
import dev.roleplan.engine.Finding;
import dev.roleplan.iam.Decision;
import dev.roleplan.iam.PolicyEvaluator;
import dev.roleplan.iam.PolicyParser;
import dev.roleplan.input.plan.PlanReader;
import dev.roleplan.model.Model;
import dev.roleplan.model.PolicyDocument;
import dev.roleplan.model.RoleKind;
import dev.roleplan.model.TaskDefinition;
import dev.roleplan.report.JsonReport;
import dev.roleplan.report.Report;
import dev.roleplan.report.TextReport;
import dev.roleplan.resolve.Resolver;
import dev.roleplan.rules.BuiltInRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The plans under testdata/ecs (written by make-scenarios.py there), each beside the exact text report it must
 * give with every built-in rule ({@code NAME.expected.txt}). Set -Droleplan.regenerate=true to rewrite the
 * expectations after a deliberate change, then read the diff.
 */
class EcsPlanScenariosTest {

    private static final Path DIR = Path.of("testdata/ecs");

    private static Model read(String name) {
        return new Resolver().resolve(List.of(new PlanReader().read(DIR.resolve(name + ".json"))));
    }

    private static List<Finding> findings(Model model) {
        return new Engine(BuiltInRules.all()).run(model);
    }

    @ParameterizedTest
    @ValueSource(strings = {"satisfied", "missing", "too_broad", "wildcards_and_managed", "denied_explicitly", "no_execution_role", "kms"})
    void reportsExactlyWhatIsExpected(String name) throws Exception {
        Model model = read(name);
        String actual = new TextReport().render(Report.of("test", model, findings(model)));
        Path expected = DIR.resolve(name + ".expected.txt");
        if (Boolean.getBoolean("roleplan.regenerate") || !Files.exists(expected)) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
            fail("wrote " + expected + ": review it, then run again");
        }
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual);
    }

    @Test
    void rolesThatGrantExactlyWhatIsRequiredGetNoFindingAtAll() {
        assertEquals(List.of(), findings(read("satisfied")).stream().map(f -> f.rule().id() + ": " + f.message()).toList());
    }

    @Test
    void eachKindOfFailureIsReportedByItsRule() {
        assertEquals(List.of("RP201", "RP201", "RP201", "RP201", "RP201", "RP201", "RP201", "RP201",
                        "RP203", "RP203", "RP203", "RP203", "RP203", "RP203"),
                findings(read("missing")).stream().map(f -> f.rule().id()).toList());
        List<String> broad = findings(read("too_broad")).stream().map(f -> f.rule().id()).toList();
        assertEquals(2, broad.stream().filter("RP202"::equals).count(), broad.toString());
        assertFalse(broad.contains("RP201") || broad.contains("RP203"), "too broad still grants everything: " + broad);
        assertEquals(List.of("RP201 aws_iam_role_policy.execution_1 NoShopSecrets", "RP203 aws_iam_role_policy.task_1 ReadOnlyEfs"),
                findings(read("denied_explicitly")).stream().map(f -> f.rule().id() + " " + f.policy() + " " + f.statement()).toList());
        List<String> wildcards = findings(read("wildcards_and_managed")).stream().map(f -> f.rule().id()).toList();
        assertFalse(wildcards.contains("RP201") || wildcards.contains("RP203"), "wildcards and the managed policy satisfy: " + wildcards);
        assertEquals(List.of("RP103", "RP601"), findings(read("no_execution_role")).stream().map(f -> f.rule().id()).toList());
    }

    @Test
    void aSecretEncryptedWithACustomerKeyNeedsKmsDecrypt() {
        List<String> found = findings(read("kms")).stream()
                .map(f -> f.rule().id() + " " + f.severity().label() + " " + f.message()).toList();
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("RP201 high "), found.get(0));
        assertTrue(found.get(0).contains("kms:Decrypt"), found.get(0));
        assertTrue(found.get(0).contains("arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"), found.get(0));
    }

    @Test
    void theSensitiveDatabaseUrlAppearsInNoOutput() {
        Model model = read("no_execution_role");
        Report report = Report.of("test", model, findings(model));
        for (String output : List.of(new TextReport().render(report), new JsonReport().render(report))) {
            assertFalse(output.contains("pr0d-Pa55w0rd"), output);
            assertFalse(output.contains("postgres://"), output);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"satisfied", "missing", "too_broad", "wildcards_and_managed", "denied_explicitly", "kms"})
    void theSuggestedPolicyRoundTrips(String name) {
        Model model = read(name);
        TaskDefinition td = model.taskDefinitions().get(0);
        List<Requirement> required = Requirements.analyse(td, model).of(RoleKind.EXECUTION);
        boolean encrypted = name.equals("kms");
        assertEquals(encrypted ? 13 : 12, required.size(), "every execution-role requirement kind, KMS where a key encrypts a secret");
        PolicyDocument suggested = PolicyParser.parse(SuggestedPolicy.of(required).toJson());
        List<String> wrong = new ArrayList<>();
        for (Requirement r : required) {
            if (PolicyEvaluator.evaluate(List.of(suggested), null, r.action(), r.resource()).decision() != Decision.ALLOWED) {
                wrong.add("not allowed: " + r.action() + " " + r.resource());
            }
        }
        for (String[] probe : SuggestedPolicyRoundTripTest.neighbours(required)) {
            if (PolicyEvaluator.evaluate(List.of(suggested), null, probe[0], probe[1]).decision() != Decision.DENIED_IMPLICIT) {
                wrong.add("allowed beyond: " + probe[0] + " " + probe[1]);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theJsonReportCarriesTheSuggestionAsAPolicyDocument() throws Exception {
        Model model = read("missing");
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(new JsonReport().render(Report.of("test", model, findings(model))));
        com.fasterxml.jackson.databind.JsonNode first = json.get("findings").get(0);
        assertEquals("RP201", first.get("rule").asText());
        assertEquals("execution", first.get("role_kind").asText());
        com.fasterxml.jackson.databind.JsonNode policy = first.get("suggestion").get("policy");
        assertEquals("2012-10-17", policy.get("Version").asText());
        List<String> sids = new ArrayList<>();
        policy.get("Statement").forEach(s -> sids.add(s.get("Sid").asText()));
        assertEquals(List.of("EcrAuth", "EcrPull", "Logs", "LogsCreateGroup", "Secrets", "Parameters", "RegistryCredentials",
                "EnvironmentFiles", "EnvironmentFileBuckets"), sids);
        com.fasterxml.jackson.databind.JsonNode rp203 = json.get("findings").get(8);
        assertEquals("RP203", rp203.get("rule").asText());
        assertEquals(true, rp203.get("suggestion").isNull());
    }
}
