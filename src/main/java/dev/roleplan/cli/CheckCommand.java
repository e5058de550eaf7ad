package dev.roleplan.cli;

import dev.roleplan.app.Analyzer;
import dev.roleplan.app.UsageException;
import dev.roleplan.app.Version;
import dev.roleplan.engine.Finding;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.Severity;
import dev.roleplan.report.JsonReport;
import dev.roleplan.report.Renderer;
import dev.roleplan.report.Report;
import dev.roleplan.report.TextReport;
import dev.roleplan.rules.BuiltInRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "check", sortOptions = false, mixinStandardHelpOptions = true, description = {
        "Review the IAM roles behind every ECS task definition in a plan.",
        "",
        "Reads `terraform show -json` / `tofu show -json` output (a file, or -",
        "for standard input), follows each aws_ecs_task_definition to its",
        "execution role and task role, gathers every policy that reaches them,",
        "and reports what is wrong, from task definition to role to policy to",
        "statement. `roleplan rules` lists the rules.",
        "",
        "Examples:",
        "  terraform plan -out tfplan && terraform show -json tfplan > plan.json",
        "  roleplan check plan.json",
        "  roleplan check plan.json --format json --output report.json",
        "  roleplan check plan.json --fail-on critical",
        "  terraform show -json tfplan | roleplan check -"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing at or above --fail-on", "1:findings at or above --fail-on", "2:usage error",
                "3:an input could not be read or understood", "4:internal error"})
final class CheckCommand implements Callable<Integer> {

    private final Io io;
    private final Analyzer analyzer;

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Plan JSON files, .tf directories, or - for a plan on standard input.")
    List<String> paths;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "high",
            description = "Exit 1 when a finding is at or above this severity: critical, high, medium, low, info, "
                    + "or never (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = "--rule", paramLabel = "ID", description = "Run only this rule (repeatable), e.g. --rule RP101 --rule RP201.")
    List<String> onlyRules = new ArrayList<>();

    CheckCommand(Io io, Analyzer analyzer) {
        this.io = io;
        this.analyzer = analyzer;
    }

    @Override
    public Integer call() throws IOException {
        Severity threshold = parseFailOn(failOn);
        Renderer renderer = renderer(format);
        List<Rule> rules = selectRules(onlyRules);
        if (paths.stream().filter("-"::equals).count() > 1) {
            throw new UsageException("standard input (-) can be read only once");
        }
        Analyzer.Analysis analysis = analyzer.analyze(paths, io.in(), rules);
        Report report = Report.of(Version.tool(), analysis.model(), analysis.findings());
        String text = renderer.render(report);
        if (output != null) {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new UsageException("--output " + output + ": the directory " + parent + " does not exist");
            }
            Files.writeString(output, text, StandardCharsets.UTF_8);
        } else {
            io.out().print(text);
            io.out().flush();
        }
        return gate(analysis.findings(), threshold);
    }

    static int gate(List<Finding> findings, Severity threshold) {
        if (threshold == null) {
            return ExitCode.OK;
        }
        return findings.stream().anyMatch(f -> f.severity().atLeast(threshold)) ? ExitCode.FINDINGS : ExitCode.OK;
    }

    /** null means never fail. */
    static Severity parseFailOn(String text) {
        if (text.equalsIgnoreCase("never")) {
            return null;
        }
        Severity s = Severity.parse(text);
        if (s == null) {
            throw new UsageException("--fail-on " + text + ": expected critical, high, medium, low, info or never");
        }
        return s;
    }

    static Renderer renderer(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "text" -> new TextReport();
            case "json" -> new JsonReport();
            default -> throw new UsageException("--format " + format + ": expected text or json");
        };
    }

    static List<Rule> selectRules(List<String> ids) {
        List<Rule> all = BuiltInRules.all();
        if (ids.isEmpty()) {
            return all;
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String id : ids) {
            String upper = id.toUpperCase(Locale.ROOT);
            if (all.stream().noneMatch(r -> r.meta().id().equals(upper))) {
                throw new UsageException("--rule " + id + ": no such rule; `roleplan rules` lists them");
            }
            wanted.add(upper);
        }
        return all.stream().filter(r -> wanted.contains(r.meta().id())).toList();
    }
}
