package dev.roleplan.cli;

import dev.roleplan.app.Analyzer;
import dev.roleplan.app.UsageException;
import dev.roleplan.app.Version;
import dev.roleplan.input.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The only place that calls System.exit. Everything else returns exit codes through {@link #run}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, new Io(out, err, System.in), Wiring.analyzer());
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line with the given streams and returns its exit code; never throws. */
    public static int run(String[] args, Io io, Analyzer analyzer) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cli = new CommandLine(new Root());
        cli.addSubcommand(new CheckCommand(io, analyzer));
        cli.addSubcommand(new RulesCommand(io));
        cli.addSubcommand(PolicyCommand.commandLine(io));
        cli.setOut(io.out());
        cli.setErr(io.err());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((ex, a) -> {
            io.err().println("roleplan: " + ex.getMessage());
            io.err().println("Run `" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help` for usage.");
            io.err().flush();
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, io, debug));
        int code = cli.execute(args);
        io.out().flush();
        io.err().flush();
        return code;
    }

    private static int handle(Exception ex, Io io, boolean debug) {
        if (ex instanceof UsageException) {
            io.err().println("roleplan: " + ex.getMessage());
            return ExitCode.USAGE;
        }
        if (ex instanceof InputException) {
            io.err().println("roleplan: cannot read " + ex.getMessage());
            if (debug && ex.getCause() != null) {
                io.err().println(stackTrace(ex));
            }
            return ExitCode.BAD_INPUT;
        }
        if (ex instanceof java.io.IOException io2) {
            io.err().println("roleplan: " + io2.getMessage());
            return ExitCode.BAD_INPUT;
        }
        io.err().println("roleplan: internal error: " + ex + (debug ? "" : " (run with --debug for the stack trace)"));
        if (debug) {
            io.err().println(stackTrace(ex));
        }
        return ExitCode.INTERNAL;
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    @Command(name = "roleplan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {
                    "Reviews the IAM roles behind AWS ECS task definitions in Terraform and OpenTofu changes.",
                    "",
                    "Start with:  roleplan check plan.json     (plan.json from `terraform show -json PLANFILE`)",
                    "Rules:       roleplan rules [ID]",
                    "Policies:    roleplan policy check FILE.json | roleplan policy simulate --policy FILE.json ..."})
    static final class Root implements Runnable {
        @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
                description = "Print stack traces of internal errors (for bug reports).")
        boolean debug;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: check, rules or policy");
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"roleplan " + Version.tool()};
        }
    }

}
