package dev.roleplan.report;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roleplan.app.Version;
import dev.roleplan.engine.Engine;
import dev.roleplan.engine.Finding;
import dev.roleplan.engine.Rule;
import dev.roleplan.input.InputException;
import dev.roleplan.input.plan.PlanReader;
import dev.roleplan.model.ContainerDefinition;
import dev.roleplan.model.Model;
import dev.roleplan.model.TaskDefinition;
import dev.roleplan.resolve.Resolver;
import dev.roleplan.rules.BuiltInRules;
import dev.roleplan.testing.Corpus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For every plan in the shared corpus and in testdata: every value the plan marks sensitive (found here by walking
 * the JSON, independently of the reader) and every container environment value RP601 flags must appear in no
 * output format, nor in the message of a refused input.
 */
class SecretsNeverLeakTest {

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(2000).build()).build());

    @Test
    void noSensitiveValueAppearsInAnyOutput() throws IOException {
        List<Path> plans = plans();
        List<Rule> rules = BuiltInRules.all();
        PlanReader reader = new PlanReader();
        Resolver resolver = new Resolver();
        List<String> leaks = new ArrayList<>();
        int files = 0;
        int values = 0;
        int flagged = 0;
        int inToolText = 0;
        // roleplan's own text (rule names and descriptions in every format): a sensitive value that is an ordinary
        // word such as "secret" appears there whatever the input, so it is not evidence of a leak
        String toolText = renderAll(Report.of(Version.tool(), resolver.resolve(List.of()), List.of(),
                rules.stream().map(Rule::meta).toList(), "high", List.of()));
        for (Path plan : plans) {
            Set<String> secrets = sensitiveValues(plan);
            String output;
            try {
                Model model = resolver.resolve(List.of(reader.read(plan)));
                List<Finding> findings = new Engine(rules).run(model);
                Set<String> rp601 = flaggedEnvironmentValues(model, findings);
                flagged += rp601.size();
                secrets.addAll(rp601);
                Report report = Report.of(Version.tool(), model, findings, rules.stream().map(Rule::meta).toList(),
                        "high", List.of());
                output = renderAll(report);
            } catch (InputException e) {
                output = e.getMessage();
            }
            files++;
            secrets.removeIf(s -> s.length() < 4 || s.equals("true") || s.equals("false") || s.equals("null"));
            int before = secrets.size();
            secrets.removeIf(toolText::contains);
            inToolText += before - secrets.size();
            values += secrets.size();
            for (String secret : secrets) {
                if (output.contains(secret)) {
                    leaks.add(plan + ": " + abbreviate(secret));

                }
            }
        }
        assertEquals(List.of(), leaks);
        // the test must have had something to find: the corpus and fixtures hold sensitive values (without the
        // corpus beside the project, testdata's plans alone: about 70, still with secrets to find)
        boolean withCorpus = Corpus.plansIfPresent() != null;
        assertTrue(files >= (withCorpus ? 300 : 60), "plans checked: " + files);
        assertTrue(values >= (withCorpus ? 15 : 10), "sensitive values checked: " + values);
        assertTrue(flagged >= 2, "RP601-flagged values checked: " + flagged);
        System.out.printf("SecretsNeverLeakTest: %d plans, %d sensitive values checked (%d flagged by RP601), "
                + "%d skipped as words of roleplan's own text, 6 formats%n", files, values, flagged, inToolText);
    }

    private static String renderAll(Report report) {
        return String.join("\n", new TextReport().render(report), new JsonReport().render(report),
                new SarifReport().render(report), new JunitReport().render(report),
                new MarkdownReport().render(report), GitHubAnnotations.render(report));
    }

    /** The .json plans of the corpus and of testdata (not the HCL fixtures' .tf.json). */
    static List<Path> plans() throws IOException {
        List<Path> out = new ArrayList<>();
        // the corpus when it is beside the project (CI requires it); testdata's plans always
        Path plans = Boolean.getBoolean("corpus.required") ? Corpus.plans() : Corpus.plansIfPresent();
        if (plans != null) {
            try (Stream<Path> corpus = Files.list(plans)) {
                corpus.filter(p -> p.toString().endsWith(".json")).sorted().forEach(out::add);
            }
        }
        try (Stream<Path> testdata = Files.walk(Path.of("testdata"))) {
            testdata.filter(p -> p.toString().endsWith(".json") && !p.startsWith(Path.of("testdata/hcl")))
                    .sorted().forEach(out::add);
        }
        return out;
    }

    /** Values under a true in after_sensitive/before_sensitive/sensitive_values, sensitive variables and outputs. */
    static Set<String> sensitiveValues(Path plan) {
        Set<String> out = new TreeSet<>();
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(plan));
        } catch (IOException | RuntimeException e) {
            return out; // not JSON this walker can read: the reader refuses it too, and the refusal is checked
        }
        if (root == null || !root.isObject()) {
            return out;
        }
        for (JsonNode change : iterable(root.path("resource_changes"))) {
            masked(change.path("change").path("after"), change.path("change").path("after_sensitive"), out);
            masked(change.path("change").path("before"), change.path("change").path("before_sensitive"), out);
        }
        for (JsonNode change : iterable(root.path("output_changes"))) {
            masked(change.path("after"), change.path("after_sensitive"), out);
            masked(change.path("before"), change.path("before_sensitive"), out);
        }
        module(root.path("planned_values").path("root_module"), out);
        module(root.path("prior_state").path("values").path("root_module"), out);
        outputs(root.path("planned_values").path("outputs"), out);
        outputs(root.path("prior_state").path("values").path("outputs"), out);
        JsonNode declared = root.path("configuration").path("root_module").path("variables");
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("variables").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> variable = it.next();
            if (declared.path(variable.getKey()).path("sensitive").asBoolean(false)) {
                all(variable.getValue().path("value"), out);
            }
        }
        return out;
    }

    private static void module(JsonNode module, Set<String> out) {
        for (JsonNode resource : iterable(module.path("resources"))) {
            masked(resource.path("values"), resource.path("sensitive_values"), out);
        }
        for (JsonNode child : iterable(module.path("child_modules"))) {
            module(child, out);
        }
    }

    private static void outputs(JsonNode outputs, Set<String> out) {
        outputs.forEach(o -> {
            if (o.path("sensitive").asBoolean(false)) {
                all(o.path("value"), out);
            }
        });
    }

    private static void masked(JsonNode value, JsonNode mask, Set<String> out) {
        if (mask.isBoolean() && mask.booleanValue()) {
            all(value, out);
        } else if (mask.isObject()) {
            mask.fields().forEachRemaining(e -> masked(value.path(e.getKey()), e.getValue(), out));
        } else if (mask.isArray()) {
            for (int i = 0; i < mask.size(); i++) {
                masked(value.path(i), mask.get(i), out);
            }
        }
    }

    /**
     * Every scalar under a value. A sensitive string holding JSON (container definitions) is one secret as a whole:
     * its parts are names and settings that reports must be able to name; the secrets among them are what RP601 flags.
     */
    private static void all(JsonNode value, Set<String> out) {
        if (value.isContainerNode()) {
            value.forEach(v -> all(v, out));
        } else if (value.isTextual()) {
            out.add(value.textValue());
        } else if (value.isNumber()) {
            out.add(value.asText());
        }
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node.isArray() ? node : List.of();
    }

    /** The values of the environment variables RP601 reports (its key is container/variable). */
    static Set<String> flaggedEnvironmentValues(Model model, List<Finding> findings) {
        Map<String, String> byKey = new TreeMap<>();
        for (TaskDefinition td : model.taskDefinitions()) {
            for (ContainerDefinition c : td.knownContainers()) {
                c.environment().forEach(v -> byKey.put(td.address() + " " + c.name() + "/" + v.name(), v.value()));
            }
        }
        Set<String> out = new TreeSet<>();
        for (Finding f : findings) {
            if (f.rule().id().equals("RP601")) {
                String value = byKey.get(f.taskDefinition() + " " + f.key());
                if (value != null) {
                    out.add(value);
                }
            }
        }
        return out;
    }

    private static String abbreviate(String secret) {
        // the failure message itself must not print the whole secret
        return secret.length() <= 6 ? secret.charAt(0) + "…(" + secret.length() + " chars)"
                : secret.substring(0, 3) + "…(" + secret.length() + " chars)";
    }
}
