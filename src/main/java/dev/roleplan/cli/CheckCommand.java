package dev.roleplan.cli;

import dev.roleplan.app.Analyzer;
import dev.roleplan.app.ExternalRoles;
import dev.roleplan.resolve.ManagedPolicyLookup;
import dev.roleplan.iam.ActionCatalog;
import dev.roleplan.iam.ManagedPolicies;
import dev.roleplan.app.UsageException;
import dev.roleplan.app.Version;
import dev.roleplan.engine.Finding;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.Severity;
import dev.roleplan.config.Baseline;
import dev.roleplan.config.Config;
import dev.roleplan.config.ConfigException;
import dev.roleplan.config.ConfigLoader;
import dev.roleplan.config.InlineSuppressions;
import dev.roleplan.config.Suppressor;
import dev.roleplan.model.InputInfo;
import dev.roleplan.model.Notice;
import dev.roleplan.model.SourceComment;
import dev.roleplan.report.GitHubAnnotations;
import dev.roleplan.report.JsonReport;
import dev.roleplan.report.JunitReport;
import dev.roleplan.rules.guardrails.GuardrailAccessGranted;
import dev.roleplan.report.MarkdownReport;
import dev.roleplan.report.SarifReport;
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
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
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
        "Settings come from .roleplan.yml in the working directory (or --config):",
        "fail-on, disabled rules, severity overrides, external roles, guardrails",
        "and suppressions.",
        "",
        "Examples:",
        "  terraform plan -out tfplan && terraform show -json tfplan > plan.json",
        "  roleplan check plan.json",
        "  roleplan check plan.json --fail-on critical",
        "  roleplan check plan.json --format sarif --output roleplan.sarif --fail-on never",
        "  roleplan check plan.json --format json --output roleplan.json \\",
        "      --github-annotations --summary \"$GITHUB_STEP_SUMMARY\"",
        "  roleplan check plan.json --write-baseline .roleplan-baseline.json",
        "  roleplan check plan.json --baseline .roleplan-baseline.json",
        "  terraform show -json tfplan | roleplan check -"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing at or above --fail-on", "1:findings at or above --fail-on", "2:usage error",
                "3:an input could not be read or understood", "4:internal error"})
final class CheckCommand implements Callable<Integer> {

    private final Io io;
    private final Analyzer analyzer;
    private final Clock clock;
    private final Path workingDirectory;

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Plan JSON files, .tf directories, or - for a plan on standard input.")
    List<String> paths;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: text, json, sarif, junit or markdown (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit 1 when an active finding is at or above this severity: critical, high, medium, low, info, "
                    + "or never (default: fail-on from the configuration, else high).")
    String failOn;

    @Option(names = "--var-file", paramLabel = "FILE",
            description = "Terraform variable values for .tf inputs (repeatable; after terraform.tfvars and *.auto.tfvars).")
    List<Path> varFiles = new ArrayList<>();

    @Option(names = "--var", paramLabel = "NAME=VALUE",
            description = "A Terraform variable value for .tf inputs (repeatable; applied last, as terraform -var).")
    List<String> vars = new ArrayList<>();

    @Option(names = "--rule", paramLabel = "ID", description = "Run only this rule (repeatable), e.g. --rule RP101 --rule RP201.")
    List<String> onlyRules = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: .roleplan.yml in the working directory, when present).")
    Path configFile;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Report only findings that are not in this baseline; baselined ones are marked and never gate.")
    Path baselineFile;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Record the current active findings' fingerprints in FILE (sorted JSON) for later --baseline runs.")
    Path writeBaseline;

    @Option(names = "--github-annotations",
            description = "After the report, print GitHub Actions ::error/::warning/::notice commands for active findings "
                    + "(10 of each kind, as GitHub shows per step, then one summary line).")
    boolean githubAnnotations;

    @Option(names = "--summary", paramLabel = "FILE",
            description = "Append the Markdown report to FILE, e.g. \"$GITHUB_STEP_SUMMARY\".")
    Path summaryFile;

    @picocli.CommandLine.Mixin
    InputLimitOptions inputLimits = new InputLimitOptions();

    CheckCommand(Io io, Analyzer analyzer) {
        this(io, analyzer, Clock.systemUTC(), Path.of(""));
    }

    /** @param clock gives "today" for suppression expiry; @param workingDirectory where .roleplan.yml is looked for */
    CheckCommand(Io io, Analyzer analyzer, Clock clock, Path workingDirectory) {
        this.io = io;
        this.analyzer = analyzer;
        this.clock = clock;
        this.workingDirectory = workingDirectory;
    }

    /** Input size above which the whole IAM catalog is read ahead, while the plan is read (a timing choice only). */
    private static final long READ_ALL_SERVICES_ABOVE = 16L << 20;

    /** The size of the input files named (standard input and directories count as nothing). */
    private long inputBytes() {
        long total = 0;
        for (String p : paths) {
            try {
                Path file = Path.of(p);
                if (!p.equals("-") && Files.isRegularFile(file)) {
                    total += Files.size(file);
                }
            } catch (IOException | java.nio.file.InvalidPathException e) {
                // the reader reports it properly
            }
        }
        return total;
    }

    @Override
    public Integer call() throws IOException {
        Renderer renderer = renderer(format);
        Config config;
        try {
            config = ConfigLoader.find(configFile, workingDirectory);
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage());
        }
        checkRuleIds(config);
        Severity threshold;
        String gateLabel;
        if (failOn != null) {
            threshold = parseFailOn(failOn);
            gateLabel = threshold == null ? "never" : threshold.label();
        } else if (config.failOn() != null) {
            threshold = config.failOn().threshold();
            gateLabel = config.failOn().label();
        } else {
            threshold = Severity.HIGH;
            gateLabel = "high";
        }
        Baseline baseline = null;
        if (baselineFile != null) {
            try {
                baseline = Baseline.read(baselineFile);
            } catch (ConfigException e) {
                throw new UsageException(e.getMessage());
            }
        }
        List<Rule> rules = configure(selectRules(onlyRules), config);
        if (paths.stream().filter("-"::equals).count() > 1) {
            throw new UsageException("standard input (-) can be read only once");
        }
        for (int i = 0; i < vars.size(); i++) {
            if (vars.get(i).indexOf('=') <= 0) {
                // not the argument itself: without its NAME= it may well be a bare secret value
                throw new UsageException("--var takes NAME=VALUE; the " + ordinal(i + 1) + " --var has no NAME= before its value");
            }
        }
        // The bundled IAM data takes a few hundred ms to load: load it on other threads while the input is read.
        ActionCatalog.prefetch();
        ManagedPolicies.prefetch();
        if (inputBytes() > READ_ALL_SERVICES_ABOVE) {
            ActionCatalog.prefetchEveryService();
        }
        // the renderer gets ready on another thread while the input is read (a daemon: never delays exit)
        dev.roleplan.iam.BundledData.inBackground("roleplan-report-prepare", renderer::prepare);
        // External roles are described after the input is read: their AWS-managed policies come from the IAM data,
        // which is still loading on another thread while the plan is read.
        Analyzer.Analysis analysis = analyzer.withLimits(inputLimits.limits()).withVariables(varFiles, vars)
                .analyze(paths, io.in(), rules, model -> new ExternalRoles(config.externalRoles(),
                        String.valueOf(config.source()), ManagedPolicyLookup.catalog()).link(model));
        List<Finding> findings = overrideSeverities(analysis.findings(), config);
        Suppressor.Result suppressed = new Suppressor(config.suppressions(), inlineSuppressions(analysis),
                LocalDate.now(clock)).apply(findings);
        findings = suppressed.findings();
        List<Notice> notices = new ArrayList<>(suppressed.notices());
        if (baseline != null) {
            findings = baseline.apply(findings);
        }
        if (writeBaseline != null) {
            writeFile(writeBaseline, "--write-baseline", Baseline.write(findings), false);
        }
        Report report = Report.of(Version.tool(), analysis.model(), findings,
                rules.stream().map(Rule::meta).toList(), gateLabel, notices);
        String text = renderer.render(report);
        if (output != null) {
            writeFile(output, "--output", text, false);
        } else {
            io.out().print(text);
        }
        if (githubAnnotations) {
            io.out().print(GitHubAnnotations.render(report));
        }
        io.out().flush();
        if (summaryFile != null) {
            writeFile(summaryFile, "--summary", new MarkdownReport().render(report), true);
        }
        return gate(report.active(), threshold);
    }

    private static void writeFile(Path file, String option, String text, boolean append) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UsageException(option + " " + file + ": the directory " + parent + " does not exist");
        }
        if (append) {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } else {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
    }

    /** Every rule id the configuration names must exist, so a typo is an error rather than a silent no-op. */
    static void checkRuleIds(Config config) {
        Set<String> known = new java.util.HashSet<>();
        BuiltInRules.all().forEach(r -> known.add(r.meta().id()));
        List<String> named = new ArrayList<>(config.disabledRules());
        named.addAll(config.severityOverrides().keySet());
        config.suppressions().forEach(s -> named.add(s.rule()));
        for (String id : named.stream().sorted().toList()) {
            if (!known.contains(id)) {
                throw new UsageException(config.source() + ": no rule " + id + "; `roleplan rules` lists them");
            }
        }
    }

    /** Drops disabled rules and gives RP901 the configured guardrails. */
    static List<Rule> configure(List<Rule> rules, Config config) {
        List<GuardrailAccessGranted.Guardrail> guardrails = config.guardrails().stream()
                .map(g -> new GuardrailAccessGranted.Guardrail(g.name(), g.roleKind(), g.actions(), g.resources(), g.severity(),
                        g.reason()))
                .toList();
        List<Rule> out = new ArrayList<>();
        for (Rule r : rules) {
            if (config.disabledRules().contains(r.meta().id())) {
                continue;
            }
            out.add(r instanceof GuardrailAccessGranted ? new GuardrailAccessGranted(guardrails) : r);
        }
        return out;
    }

    /** The {@code # roleplan:ignore} comments of the .tf inputs, parsed. */
    static List<InlineSuppressions.InlineSuppression> inlineSuppressions(Analyzer.Analysis analysis) {
        List<InlineSuppressions.InlineSuppression> out = new ArrayList<>();
        for (InputInfo input : analysis.model().inputs()) {
            for (SourceComment comment : input.directives()) {
                InlineSuppressions.parse(comment.text(), comment.location()).ifPresent(out::add);
            }
        }
        return out;
    }

    static List<Finding> overrideSeverities(List<Finding> findings, Config config) {
        if (config.severityOverrides().isEmpty()) {
            return findings;
        }
        return findings.stream()
                .map(f -> {
                    Severity s = config.severityOverrides().get(f.rule().id());
                    return s == null ? f : f.withSeverity(s);
                })
                .sorted(Finding.ORDER)
                .toList();
    }

    static int gate(List<Finding> findings, Severity threshold) {
        if (threshold == null) {
            return ExitCode.OK;
        }
        return findings.stream().anyMatch(f -> f.severity().atLeast(threshold)) ? ExitCode.FINDINGS : ExitCode.OK;
    }

    /** 1st, 2nd, 3rd, 4th, 11th, ...: which --var, without repeating it. */
    private static String ordinal(int n) {
        return n + (n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        });
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
            case "sarif" -> new SarifReport();
            case "markdown" -> new MarkdownReport();
            case "junit" -> new JunitReport();
            default -> throw new UsageException("--format " + format + ": expected text, json, sarif, junit or markdown");
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
