package dev.roleplan.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Keeps the pipeline's dependencies pointing one way (input → model → resolve → rules → report): a package
 * may use only the packages listed for it. Read from the sources' imports and qualified names.
 */
class PackageDependenciesTest {


    /** package → packages it may use (besides itself and the JDK). "rules" covers its sub-packages. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("model", Set.of()),
            Map.entry("json", Set.of()),
            Map.entry("input.hcl.syntax", Set.of()),
            Map.entry("iam", Set.of("model", "json")),
            Map.entry("ecs", Set.of("model", "iam")),
            Map.entry("input", Set.of("model", "iam")),
            Map.entry("input.plan", Set.of("input", "model", "iam", "json")),
            Map.entry("input.hcl", Set.of("input", "input.hcl.syntax", "model", "iam")),
            // resolve uses input's format-neutral helpers (ContainerDefinitionsParser), never input.plan/input.hcl
            Map.entry("resolve", Set.of("model", "iam", "ecs", "input")),
            Map.entry("engine", Set.of("model")),
            Map.entry("rules", Set.of("rules", "engine", "model", "iam", "ecs")),
            Map.entry("config", Set.of("engine", "model")),
            Map.entry("report", Set.of("engine", "model", "iam", "ecs", "config")),
            Map.entry("github", Set.of("report", "engine", "model")),
            Map.entry("app", Set.of("input", "input.plan", "input.hcl", "model", "iam", "ecs", "resolve", "engine",
                    "rules", "config", "report")),
            Map.entry("cli", Set.of("app", "input", "input.plan", "input.hcl", "model", "iam", "ecs", "resolve",
                    "engine", "rules", "config", "report", "github")));

    private static final Pattern USE = Pattern.compile("\\bdev\\.roleplan\\.([a-z][a-z0-9]*(?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");

    @Test
    void dependenciesPointOneWay() throws IOException {
        Path src = Path.of("src/main/java/dev/roleplan");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(src)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String pkg = src.relativize(file.getParent()).toString().replace('/', '.');
                String group = group(pkg);
                Set<String> allowed = ALLOWED.get(group);
                if (allowed == null) {
                    violations.add(file + ": package " + pkg + " is not in the dependency map; add it to this test");
                    continue;
                }
                Set<String> used = new TreeSet<>();
                Matcher m = USE.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(group(m.group(1)));
                }
                for (String u : used) {
                    if (!u.equals(group) && !allowed.contains(u)) {
                        violations.add(src.relativize(file) + " (" + group + ") uses " + u);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    /** rules.roles → rules; input.hcl.syntax stays itself; the longest mapped prefix wins. */
    private static String group(String pkg) {
        String best = null;
        for (String key : ALLOWED.keySet()) {
            if ((pkg.equals(key) || pkg.startsWith(key + ".")) && (best == null || key.length() > best.length())) {
                best = key;
            }
        }
        return best == null ? pkg : best;
    }

}
