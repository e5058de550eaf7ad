package dev.roleplan.cli;

import dev.roleplan.app.PolicyCheck;
import dev.roleplan.app.PolicySimulation;
import dev.roleplan.app.Version;
import dev.roleplan.engine.Finding;
import dev.roleplan.engine.Severity;
import dev.roleplan.iam.NamedPolicy;
import dev.roleplan.model.PolicyDocument;
import dev.roleplan.report.Renderer;
import dev.roleplan.report.Report;
import dev.roleplan.rules.BuiltInRules;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code roleplan policy check|simulate}: the same IAM knowledge, applied to policy files directly. */
@Command(name = "policy", mixinStandardHelpOptions = true, description = {
        "Lint a policy document, or ask whether policies allow a request.",
        "",
        "Examples:",
        "  roleplan policy check policy.json",
        "  roleplan policy simulate --policy task.json --action s3:GetObject --resource arn:aws:s3:::assets/logo.png"})
final class PolicyCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The {@code policy} command with its two subcommands, ready to add to the root. */
    static CommandLine commandLine(Io io) {
        return new CommandLine(new PolicyCommand())
                .addSubcommand(new Check(io))
                .addSubcommand(new Simulate(io));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: check or simulate");
    }

    @Command(name = "check", sortOptions = false, mixinStandardHelpOptions = true, description = {
            "Lint one IAM policy document with the statement rules (RP301-RP304, RP501-RP507).",
            "",
            "Prints the same report as `roleplan check`, with task_definition and role null. Exit code: 0 nothing",
            "at or above --fail-on, 1 findings at or above it, 2 usage error, 3 the file could not be read.",
            "",
            "Example:",
            "  roleplan policy check policy.json --format json"},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:nothing at or above --fail-on", "1:findings at or above --fail-on", "2:usage error",
                    "3:the file could not be read", "4:internal error"})
    static final class Check implements Callable<Integer> {
        private final Io io;

        @Parameters(index = "0", paramLabel = "FILE", description = "A policy document (JSON).")
        String file;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
                description = "Output format: text or json (default: ${DEFAULT-VALUE}).")
        String format;

        @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "high",
                description = "Exit 1 when a finding is at or above this severity: critical, high, medium, low, info, "
                        + "or never (default: ${DEFAULT-VALUE}).")
        String failOn;

        Check(Io io) {
            this.io = io;
        }

        @Override
        public Integer call() {
            Severity threshold = CheckCommand.parseFailOn(failOn);
            Renderer renderer = CheckCommand.renderer(format);
            PolicyDocument document = PolicyCheck.read(file);
            List<dev.roleplan.engine.Rule> rules = PolicyCheck.rules(BuiltInRules.all());
            List<Finding> findings = PolicyCheck.check(file, document, rules);
            Report report = Report.of(Version.tool(), PolicyCheck.reportModel(file), findings,
                    rules.stream().map(dev.roleplan.engine.Rule::meta).toList(), failOn.toLowerCase(java.util.Locale.ROOT), List.of());
            io.out().print(renderer.render(report));
            io.out().flush();
            return CheckCommand.gate(findings, threshold);
        }
    }

    @Command(name = "simulate", sortOptions = false, mixinStandardHelpOptions = true, description = {
            "Ask whether identity policies, within an optional permissions boundary, allow one request.",
            "",
            "Prints allowed, denied (explicit or implicit) or conditional, and the deciding statements.",
            "Conditions, policy variables and values unknown until apply are not guessed: a grant that",
            "depends on them is conditional. Exit code 0 whatever the decision; 2 usage error; 3 a file",
            "could not be read.",
            "",
            "Examples:",
            "  roleplan policy simulate --policy task.json --action s3:GetObject --resource arn:aws:s3:::assets/a.png",
            "  roleplan policy simulate --policy a.json --policy b.json --boundary boundary.json \\",
            "      --action ecr:GetAuthorizationToken --resource '*' --format json"})
    static final class Simulate implements Callable<Integer> {
        private final Io io;

        @Option(names = "--policy", required = true, paramLabel = "FILE",
                description = "An identity policy document (repeatable).")
        List<String> policies = new ArrayList<>();

        @Option(names = "--boundary", paramLabel = "FILE", description = "A permissions boundary document.")
        String boundary;

        @Option(names = "--action", required = true, paramLabel = "ACTION", description = "One action, e.g. s3:GetObject.")
        String action;

        @Option(names = "--resource", required = true, paramLabel = "ARN",
                description = "One resource ARN, or * for actions that take no resource.")
        String resource;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
                description = "Output format: text or json (default: ${DEFAULT-VALUE}).")
        String format;

        Simulate(Io io) {
            this.io = io;
        }

        @Override
        public Integer call() {
            String fmt = format.toLowerCase(Locale.ROOT);
            if (!fmt.equals("text") && !fmt.equals("json")) {
                throw new dev.roleplan.app.UsageException("--format " + format + ": expected text or json");
            }
            List<NamedPolicy> named = new ArrayList<>();
            for (String file : policies) {
                named.add(PolicySimulation.named(file, PolicyCheck.read(file)));
            }
            NamedPolicy pb = boundary == null ? null : PolicySimulation.named(boundary, PolicyCheck.read(boundary));
            PolicySimulation result = PolicySimulation.run(named, pb, action, resource);
            result.warnings().forEach(io.err()::println);
            io.err().flush();
            io.out().print(fmt.equals("json") ? result.json() : result.text());
            io.out().flush();
            return ExitCode.OK;
        }
    }
}
