package dev.roleplan.cli;

import dev.roleplan.app.Analyzer;
import dev.roleplan.app.UsageException;
import dev.roleplan.app.Version;
import dev.roleplan.iam.ActionCatalog;
import dev.roleplan.iam.ManagedPolicies;
import dev.roleplan.input.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The only place that calls System.exit. Everything else returns exit codes through {@link #run}. */
public final class Main {

    private Main() {
    }

    /** Commands that evaluate policies, so need the IAM data. */
    private static final java.util.Set<String> ANALYSING = java.util.Set.of("check", "diff", "policy");

    public static void main(String[] args) {
        if (args.length > 0 && ANALYSING.contains(args[0])) {
            // The IAM data takes a few hundred ms of CPU to index: start on the other core before the command
            // line is even parsed (the first check also asks, in case main is not the entry point).
            ActionCatalog.prefetch();
            ManagedPolicies.prefetch();
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, new Io(out, err, System.in), Wiring.analyzer());
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line with the given streams and returns its exit code; never throws. */
    public static int run(String[] args, Io io, Analyzer analyzer) {
        return run(args, io, analyzer, java.time.Clock.systemUTC(), java.nio.file.Path.of(""));
    }

    /** As {@link #run(String[], Io, Analyzer)} with "today" and the directory searched for .roleplan.yml given (tests). */
    public static int run(String[] args, Io io, Analyzer analyzer, java.time.Clock clock, java.nio.file.Path workingDirectory) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cli = new CommandLine(new Root());
        java.util.Map<String, java.util.function.Supplier<Object>> commands = new java.util.LinkedHashMap<>();
        commands.put("check", () -> new CheckCommand(io, analyzer, clock, workingDirectory));
        commands.put("diff", () -> new DiffCommand(io, analyzer));
        commands.put("rules", () -> new RulesCommand(io));
        commands.put("policy", () -> PolicyCommand.commandLine(io));
        commands.put("comment", () -> new CommentCommand(new MarkdownComment()));
        // picocli reads a command's annotations when it is added (a tenth of a second for all of them, cold):
        // a command line naming its command needs only that one; anything else (help, a typo) gets them all.
        java.util.function.Supplier<Object> named = args.length > 0 ? commands.get(args[0]) : null;
        for (java.util.function.Supplier<Object> command : named != null ? List.of(named) : commands.values()) {
            Object c = command.get();
            if (c instanceof CommandLine sub) {
                cli.addSubcommand(sub);
            } else {
                cli.addSubcommand(c);
            }
        }
        cli.setOut(io.out());
        cli.setErr(io.err());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((ex, a) -> {
            io.err().println("roleplan: " + withoutValues(ex.getMessage(), args));
            io.err().println("Run `" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help` for usage.");
            io.err().flush();
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, io, debug));
        int code;
        try {
            code = cli.execute(args);
        } catch (Error e) { // picocli hands on Errors (a stack overflow, out of memory): reported like any failure
            code = internal(e, io, debug);
        }
        io.out().flush();
        io.err().flush();
        return code;
    }

    /**
     * picocli's message with the value of each {@code NAME=VALUE} argument it quotes cut off: a mistyped
     * {@code --vars=db_password=...} or a stray {@code db_password=...} would otherwise print a secret.
     */
    static String withoutValues(String message, String[] args) {
        String out = message;
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq >= 0 && eq < arg.length() - 1) {
                out = out.replace(arg, arg.substring(0, eq + 1) + "...");
            }
        }
        return out;
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
        return internal(ex, io, debug);
    }

    private static int internal(Throwable ex, Io io, boolean debug) {
        io.err().println("roleplan: internal error: " + internalError(ex)
                + (debug ? "" : " (run with --debug for the stack trace)"));
        if (debug) {
            io.err().println(stackTrace(ex));
        }
        return ExitCode.INTERNAL;
    }

    /**
     * What failed, by exception class (and rule), never by message: an exception's message may quote a value
     * from the input, and values can be secrets.
     */
    static String internalError(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = root.getClass().getName();
        if (ex instanceof dev.roleplan.engine.Engine.RuleFailure failure) {
            return "rule " + failure.ruleId() + " failed with " + what;
        }
        return what;
    }

    /**
     * Where a failure happened, for --debug: each exception's class and frames, down the chain of causes. Not
     * the messages: a message may quote a value from the input (a number that would not parse), and values
     * can be secrets.
     */
    static String stackTrace(Throwable t) {
        StringBuilder out = new StringBuilder();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable e = t; e != null && seen.add(e); e = e.getCause()) {
            out.append(e == t ? "" : "Caused by: ").append(e.getClass().getName()).append('\n');
            for (StackTraceElement frame : e.getStackTrace()) {
                out.append("\tat ").append(frame).append('\n');
            }
        }
        return out.toString();
    }

    @Command(name = "roleplan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {
                    "Reviews the IAM roles behind AWS ECS task definitions in Terraform and OpenTofu changes.",
                    "",
                    "Start with:  roleplan check plan.json     (plan.json from `terraform show -json PLANFILE`)",
                    "Changes:     roleplan diff BASE HEAD      (what the roles can do in HEAD that they could not in BASE)",
                    "Rules:       roleplan rules [ID]",
                    "Policies:    roleplan policy check FILE.json | roleplan policy simulate --policy FILE.json ...",
                    "PR comment:  roleplan comment REPORT.json   (from `roleplan check --format json`)"})
    static final class Root implements Runnable {
        @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
                description = "Print stack traces of internal errors (for bug reports).")
        boolean debug;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: check, diff, rules, policy or comment");
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            // second line: where the bundled IAM data comes from (cheap: a properties file, no catalog load)
            return new String[]{"roleplan " + Version.tool(), dev.roleplan.iam.IamDataInfo.get().summary()};
        }
    }

}
