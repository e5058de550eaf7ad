package dev.roleplan.cli;

import dev.roleplan.app.Analyzer;
import dev.roleplan.app.UsageException;
import dev.roleplan.app.Version;
import dev.roleplan.engine.Engine;
import dev.roleplan.engine.Finding;
import dev.roleplan.engine.Severity;
import dev.roleplan.model.Model;
import dev.roleplan.report.DiffReport;
import dev.roleplan.report.Redactor;
import dev.roleplan.rules.change.AccessDeltas;
import dev.roleplan.rules.change.ChangeGrantsNewAccess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@Command(name = "diff", sortOptions = false, mixinStandardHelpOptions = true, description = {
        "Shows what each task definition's roles can do in HEAD that they could not in BASE, and what they no "
                + "longer can: the same comparison as RP701, between two inputs of any kind (two plans, two .tf "
                + "directories such as the base and head checkouts of a pull request, or one of each), matched by "
                + "task-definition address. A plan counts as what it leaves after apply.",
        "",
        "Exit codes: 0 unless --fail-on is given and new access is at or above it (its severity is RP701's: info, "
                + "raised by the RP3xx/RP4xx findings about it), then 1; 2 usage; 3 unreadable input.",
        "",
        "Examples:",
        "  roleplan diff base/infra head/infra",
        "  roleplan diff base.plan.json head.plan.json --format markdown --output diff.md",
        "  roleplan diff base/infra head/infra --fail-on high"})
final class DiffCommand implements Callable<Integer> {

    private final Io io;
    private final Analyzer analyzer;

    @Parameters(index = "0", paramLabel = "BASE", description = "The input before: a plan JSON file, a .tf directory, or -.")
    String base;

    @Parameters(index = "1", paramLabel = "HEAD", description = "The input after: a plan JSON file, a .tf directory, or -.")
    String head;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: text, json or markdown (default: ${DEFAULT-VALUE}).")
    String format;

    @picocli.CommandLine.Mixin
    InputLimitOptions inputLimits = new InputLimitOptions();

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit 1 when new access is at or above this severity: critical, high, medium, low, info or never "
                    + "(default: never; the diff informs, `roleplan check` gates).")
    String failOn;

    DiffCommand(Io io, Analyzer analyzer) {
        this.io = io;
        this.analyzer = analyzer;
    }

    @Override
    public Integer call() throws IOException {
        if (!List.of("text", "json", "markdown").contains(format)) {
            throw new UsageException("--format " + format + ": expected text, json or markdown");
        }
        Severity threshold = failOn == null ? null : CheckCommand.parseFailOn(failOn);
        if (base.equals("-") && head.equals("-")) {
            throw new UsageException("standard input (-) can be read only once");
        }
        Analyzer limited = analyzer.withLimits(inputLimits.limits());
        Model before = limited.resolve(List.of(base), io.in());
        Model after = limited.resolve(List.of(head), io.in());
        DiffReport report = report(before, after);
        String text = switch (format) {
            case "json" -> report.json();
            case "markdown" -> report.markdown();
            default -> report.text();
        };
        if (output != null) {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new UsageException("--output " + output + ": the directory " + parent + " does not exist");
            }
            Files.writeString(output, text, StandardCharsets.UTF_8);
        } else {
            io.out().print(text);
        }
        io.out().flush();
        boolean fails = threshold != null && report.items().stream()
                .anyMatch(i -> i.severity() != null && i.severity().atLeast(threshold));
        return fails ? ExitCode.FINDINGS : ExitCode.OK;
    }

    private static final Pattern RAISED = Pattern.compile("Severity \\w+ because of (RP\\d+ \\([a-z-]+\\))");

    /** The deltas, with RP701's severity for each role that gains access. */
    static DiffReport report(Model before, Model after) {
        Model change = new Model(after.inputs(), after.taskDefinitions(), after.roles(), after.services(), after.context(),
                after.notices(), after.sensitiveValues(), after.storedSecrets(), before);
        List<Finding> findings = new Engine(List.of(new ChangeGrantsNewAccess(true))).run(change);
        List<DiffReport.Item> items = new ArrayList<>();
        for (AccessDeltas.TaskDelta d : AccessDeltas.between(before, after)) {
            Finding f = findings.stream().filter(x -> d.taskDefinition().equals(x.taskDefinition()) && x.roleKind() == d.kind())
                    .findFirst().orElse(null);
            String why = null;
            if (f != null) {
                Matcher m = RAISED.matcher(f.message());
                why = m.find() ? m.group(1) : null;
            }
            items.add(new DiffReport.Item(d.taskDefinition(), d.kind(), d.status().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' '), d.beforeRole(), d.afterRole(), f == null ? null : f.severity(), why, d.delta()));
        }
        Set<String> sensitive = new HashSet<>(before.sensitiveValues());
        sensitive.addAll(after.sensitiveValues());
        return new DiffReport(Version.tool(), before.inputs().get(0).path(), after.inputs().get(0).path(), items,
                new Redactor(sensitive));
    }
}
