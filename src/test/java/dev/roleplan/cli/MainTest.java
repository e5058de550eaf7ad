package dev.roleplan.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line registers only the command it names; help and mistakes still see every command. */
class MainTest {

    private static final String[] COMMANDS = {"check", "diff", "rules", "policy", "comment"};

    @Test
    void helpListsEveryCommand() {
        Cli help = Cli.run("--help");
        assertEquals(0, help.code(), help.err());
        for (String command : COMMANDS) {
            assertTrue(help.out().contains("  " + command + " "), command + " missing from:\n" + help.out());
        }
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Cli typo = Cli.run("chek", "plan.json");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("'chek'"), typo.err());
        assertTrue(typo.err().contains("Run `roleplan --help` for usage."), typo.err());
    }

    @Test
    void eachCommandAndSubcommandAnswersHelpWhenNamedAlone() {
        for (String command : new String[] {"check", "diff", "rules", "policy", "comment", "policy check", "policy simulate"}) {
            String[] words = (command + " --help").split(" ");
            Cli help = Cli.run(words);
            assertEquals(0, help.code(), command + ": " + help.err());
            assertTrue(help.out().startsWith("Usage: roleplan " + command), help.out());
        }
    }

    /** A pipeline whose reading fails inside with a message that quotes a value from the input. */
    private static Cli runWithFailingReader(String... args) {
        dev.roleplan.app.Frontend failing = new dev.roleplan.app.Frontend() {
            @Override
            public dev.roleplan.model.Infrastructure read(java.nio.file.Path path) {
                throw new IllegalStateException("For input string: \"hunter2-secret\"");
            }

            @Override
            public dev.roleplan.model.Infrastructure read(java.io.InputStream in, String displayName) {
                throw new IllegalStateException("For input string: \"hunter2-secret\"");
            }
        };
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = Main.run(args, new Io(new java.io.PrintWriter(out), new java.io.PrintWriter(err),
                new java.io.ByteArrayInputStream(new byte[0])), new dev.roleplan.app.Analyzer(failing, failing, inputs -> {
                    throw new AssertionError("not reached");
                }));
        return new Cli(code, out.toString(), err.toString());
    }

    @Test
    void anInternalErrorNamesWhatFailedButNeverQuotesItsMessage() {
        Cli plain = runWithFailingReader("check", "testdata/example/plan.json");
        assertEquals(4, plain.code());
        assertEquals("roleplan: internal error: java.lang.IllegalStateException (run with --debug for the stack trace)\n",
                plain.err());
        Cli debug = runWithFailingReader("check", "testdata/example/plan.json", "--debug");
        assertEquals(4, debug.code());
        assertTrue(debug.err().contains("\tat dev.roleplan."), debug.err());
        assertTrue(!debug.err().contains("hunter2"), "a stack trace for --debug carries no message: " + debug.err());
    }
}
