package dev.roleplan.cli;

import dev.roleplan.app.UsageException;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleMeta;
import dev.roleplan.rules.BuiltInRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "rules", mixinStandardHelpOptions = true, description = {
        "List roleplan's rules, or explain one.",
        "",
        "Examples:",
        "  roleplan rules          every rule: id, default severity, name, what it catches",
        "  roleplan rules RP201    why RP201 matters, how to fix it, and where its page is"})
final class RulesCommand implements Callable<Integer> {

    private final Io io;

    @Parameters(arity = "0..1", paramLabel = "ID", description = "A rule id such as RP101.")
    String id;

    RulesCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if (id == null) {
            for (Rule rule : BuiltInRules.all()) {
                RuleMeta m = rule.meta();
                io.out().printf("%s  %-8s  %-46s  %s%n", m.id(), m.severity().label(), m.name(), m.summary());
            }
            return ExitCode.OK;
        }
        RuleMeta m = BuiltInRules.all().stream().map(Rule::meta).filter(r -> r.id().equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> new UsageException("no rule " + id + "; `roleplan rules` lists them"));
        io.out().println(m.id() + " " + m.name() + " (" + m.severity().label() + ")");
        io.out().println();
        io.out().println(m.summary() + ".");
        io.out().println();
        io.out().println(m.description());
        io.out().println();
        io.out().println("More: " + m.docUrl());
        return ExitCode.OK;
    }
}
