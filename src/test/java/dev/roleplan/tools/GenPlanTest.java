package dev.roleplan.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks the benchmark plan generator (tools/gen-plan/GenPlan.java, a single-file source-launcher program
 * outside the Maven build). The test compiles that file with the JDK's javac and loads it, so the
 * generator stays dependency-free and {@code mvn package} does not build it, yet CI still catches a
 * generator that stops producing plans the resolver can link.
 */
class GenPlanTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MODULE_SEGMENT = Pattern.compile("module\\.([a-z0-9_]+)(\\[[^\\]]*\\])?\\.");

    private static Method main;

    @TempDir
    static Path work;

    @BeforeAll
    static void compileGenerator() throws Exception {
        Path source = Path.of("tools/gen-plan/GenPlan.java");
        assertTrue(Files.isRegularFile(source), "generator source not found at " + source.toAbsolutePath());
        Path classes = Files.createDirectories(work.resolve("classes"));
        compile(source, classes);
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                GenPlanTest.class.getClassLoader());
        main = loader.loadClass("GenPlan").getMethod("main", String[].class);
    }

    /**
     * A separate javac limited to the C1 compiler needs about half the CPU of compiling inside this
     * (not yet warmed-up) JVM; the in-process compiler is the fallback when there is no javac binary.
     */
    private static void compile(Path source, Path classes) throws Exception {
        List<String> args = List.of("-d", classes.toString(), "--release", "17", "-nowarn", source.toString());
        Path javacBinary = Path.of(System.getProperty("java.home"), "bin", "javac");
        if (Files.isExecutable(javacBinary)) {
            List<String> command = new ArrayList<>(List.of(javacBinary.toString(), "-J-XX:TieredStopAtLevel=1",
                    "-J-XX:+UseSerialGC"));
            command.addAll(args);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), "GenPlan.java does not compile:\n" + output);
            return;
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "tests need a JDK (javac) to compile the generator");
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, args.toArray(new String[0]));
        assertEquals(0, rc, "GenPlan.java does not compile:\n" + diagnostics.toString(StandardCharsets.UTF_8));
    }

    private static byte[] generate(String name, String... args) throws Exception {
        Path out = work.resolve(name);
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--quiet");
        all.add("--out");
        all.add(out.toString());
        main.invoke(null, (Object) all.toArray(new String[0]));
        byte[] bytes = Files.readAllBytes(out);
        try (var leftovers = Files.list(work)) {
            assertEquals(List.of(), leftovers.filter(p -> p.getFileName().toString().contains(".part-")).toList(),
                    "temporary section files must be removed");
        }
        return bytes;
    }

    @Test
    void sameSeedAndSizeGiveIdenticalBytesAndAnotherSeedDoesNot() throws Exception {
        byte[] first = generate("a.json", "--size", "400KB", "--seed", "7");
        byte[] second = generate("b.json", "--size", "400KB", "--seed", "7");
        byte[] otherSeed = generate("c.json", "--size", "400KB", "--seed", "8");
        assertArrayEquals(first, second);
        assertFalse(java.util.Arrays.equals(first, otherSeed), "a different seed must give a different plan");
        assertTrue(first.length > 360_000 && first.length < 520_000, "size near 400 KB, was " + first.length);
    }

    @Test
    void sizedPlanIsOneLineOfTerraform19Json() throws Exception {
        byte[] bytes = generate("sized.json", "--size", "400KB", "--seed", "11");
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertEquals(text.length() - 1, text.indexOf('\n'), "one line, ending in a newline like terraform's output");
        JsonNode plan = JSON.readTree(bytes);
        assertEquals("1.2", plan.path("format_version").asText());
        assertEquals("1.9.8", plan.path("terraform_version").asText());
        assertEquals("1.0", plan.path("prior_state").path("format_version").asText());
        List<String> addresses = new ArrayList<>();
        Set<String> types = new TreeSet<>();
        for (JsonNode rc : plan.path("resource_changes")) {
            addresses.add(rc.path("address").asText());
            types.add(rc.path("type").asText());
        }
        List<String> sorted = new ArrayList<>(addresses);
        sorted.sort(null);
        assertEquals(sorted, addresses, "terraform lists resource_changes sorted by address");
        assertTrue(types.containsAll(Set.of("aws_ecs_task_definition", "aws_iam_role", "aws_security_group")),
                "bulk and ECS types both present: " + types);
        assertLinksResolve(plan);
    }

    @Test
    void smallPresetHasEveryLinkingShape() throws Exception {
        JsonNode plan = JSON.readTree(generate("small.json", "--small", "--seed", "3"));
        LinkReport report = assertLinksResolve(plan);
        assertEquals(5, report.taskDefinitions);
        // one task role through var -> module_calls -> module output, one own role, one external literal
        assertTrue(report.viaModuleOutput > 0, "a role reached through a module output");
        assertTrue(report.viaOwnModule > 0, "a role in the task definition's own module");
        assertEquals(1, report.external);
    }

    /** Counts of how the task definitions' role ARNs were linked. */
    static final class LinkReport {
        int taskDefinitions;
        int unknownFollowed;
        int viaModuleOutput;
        int viaOwnModule;
        int knownMatched;
        int external;
    }

    /**
     * For every task definition: an unknown role ARN must lead, through configuration references
     * (var.X → caller's module_calls expression → module.M.O → output expression → aws_iam_role.R),
     * to an aws_iam_role instance in the plan; a known ARN must be a role in the plan or in another account.
     */
    private static LinkReport assertLinksResolve(JsonNode plan) {
        Set<String> changed = new HashSet<>();
        for (JsonNode rc : plan.path("resource_changes")) {
            changed.add(rc.path("address").asText());
        }
        String account = plan.path("planned_values").path("outputs").path("account_id").path("value").asText();
        Set<String> knownRoleArns = new HashSet<>();
        collectRoleArns(plan.path("prior_state").path("values").path("root_module"), knownRoleArns);
        collectRoleArns(plan.path("planned_values").path("root_module"), knownRoleArns);
        JsonNode rootConfig = plan.path("configuration").path("root_module");
        LinkReport report = new LinkReport();
        for (JsonNode rc : plan.path("resource_changes")) {
            if (!"aws_ecs_task_definition".equals(rc.path("type").asText()) || rc.path("change").path("after").isNull()) {
                continue;
            }
            report.taskDefinitions++;
            String address = rc.path("address").asText();
            List<String[]> path = modulePath(address);
            JsonNode config = configResource(rootConfig, path, rc.path("type").asText(), rc.path("name").asText());
            for (String attr : List.of("execution_role_arn", "task_role_arn")) {
                JsonNode after = rc.path("change").path("after").path(attr);
                if (rc.path("change").path("after_unknown").path(attr).asBoolean(false)) {
                    List<String> trail = new ArrayList<>();
                    String role = resolve(rootConfig, path, config.path("expressions").path(attr), changed, trail);
                    if (role == null) {
                        fail(address + " " + attr + ": unknown ARN does not lead to an aws_iam_role; trail " + trail);
                    }
                    report.unknownFollowed++;
                    if (trail.stream().anyMatch(t -> t.startsWith("module."))) {
                        report.viaModuleOutput++;
                    } else if (trail.size() == 1) {
                        report.viaOwnModule++;
                    }
                } else if (after.isTextual()) {
                    String arn = after.asText();
                    if (arn.startsWith("arn:aws:iam::" + account + ":")) {
                        assertTrue(knownRoleArns.contains(arn), address + " " + attr + ": " + arn + " is no role in the plan");
                        report.knownMatched++;
                    } else {
                        assertTrue(arn.matches("arn:aws:iam::\\d{12}:role/.+"), "external role ARN: " + arn);
                        report.external++;
                    }
                }
            }
        }
        assertTrue(report.taskDefinitions > 0, "plan has task definitions");
        assertTrue(report.unknownFollowed > 0, "plan has task definitions whose role ARN is unknown");
        return report;
    }

    /** "module.a[\"k\"].module.b[0].aws_x.y[1]" → [[a, ["k"]], [b, [0]]]. */
    private static List<String[]> modulePath(String address) {
        List<String[]> path = new ArrayList<>();
        Matcher m = MODULE_SEGMENT.matcher(address);
        int pos = 0;
        while (m.find(pos) && m.start() == pos) {
            path.add(new String[] {m.group(1), m.group(2) == null ? "" : m.group(2)});
            pos = m.end();
        }
        return path;
    }

    private static String prefix(List<String[]> path) {
        StringBuilder sb = new StringBuilder();
        for (String[] seg : path) {
            sb.append("module.").append(seg[0]).append(seg[1]).append('.');
        }
        return sb.toString();
    }

    private static JsonNode configModule(JsonNode rootConfig, List<String[]> path) {
        JsonNode module = rootConfig;
        for (String[] seg : path) {
            module = module.path("module_calls").path(seg[0]).path("module");
            assertFalse(module.isMissingNode(), "no module call for " + seg[0]);
        }
        return module;
    }

    private static JsonNode configResource(JsonNode rootConfig, List<String[]> path, String type, String name) {
        for (JsonNode r : configModule(rootConfig, path).path("resources")) {
            if (r.path("address").asText().equals(type + "." + name)) {
                return r;
            }
        }
        throw new AssertionError("no configuration for " + prefix(path) + type + "." + name);
    }

    /** Follows an expression's references; returns the absolute aws_iam_role address or null. */
    private static String resolve(JsonNode rootConfig, List<String[]> path, JsonNode expression, Set<String> changed,
                                  List<String> trail) {
        for (JsonNode refNode : expression.path("references")) {
            String ref = refNode.asText();
            String[] parts = ref.split("\\.");
            if (parts[0].equals("aws_iam_role") && parts.length >= 2) {
                trail.add(ref);
                String candidate = prefix(path) + "aws_iam_role." + parts[1];
                if (changed.contains(candidate)) {
                    return candidate;
                }
            } else if (parts[0].equals("var") && !path.isEmpty()) {
                trail.add(ref);
                List<String[]> parent = path.subList(0, path.size() - 1);
                JsonNode call = configModule(rootConfig, parent).path("module_calls").path(path.get(path.size() - 1)[0]);
                String found = resolve(rootConfig, parent, call.path("expressions").path(parts[1]), changed, trail);
                if (found != null) {
                    return found;
                }
            } else if (parts[0].equals("module") && parts.length >= 3) {
                trail.add(ref);
                JsonNode call = configModule(rootConfig, path).path("module_calls").path(parts[1]);
                if (call.has("count_expression") || call.has("for_each_expression")) {
                    continue; // the instance key is not in the reference
                }
                List<String[]> child = new ArrayList<>(path);
                child.add(new String[] {parts[1], ""});
                JsonNode output = call.path("module").path("outputs").path(parts[2]).path("expression");
                String found = resolve(rootConfig, child, output, changed, trail);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void collectRoleArns(JsonNode module, Set<String> arns) {
        for (JsonNode r : module.path("resources")) {
            if ("aws_iam_role".equals(r.path("type").asText()) && r.path("values").path("arn").isTextual()) {
                arns.add(r.path("values").path("arn").asText());
            }
        }
        for (JsonNode child : module.path("child_modules")) {
            collectRoleArns(child, arns);
        }
    }
}
