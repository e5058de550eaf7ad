package dev.roleplan.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void aMistypedOptionIsNamedWithoutItsValue() {
        Cli typo = Cli.run("check", "--vars=db_password=hunter2secret", "--fail-on=high", "plan.json");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("'--vars=...'"), typo.err());
        assertFalse(typo.err().contains("hunter2secret"), typo.err());
        assertEquals("--fail-on=high --vars=... x=", Main.withoutValues("--fail-on=high --vars=db_password=s x=",
                new String[] {"--vars=db_password=s", "x="}));
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
        return runWithReaderThrowing(() -> new IllegalStateException("For input string: \"hunter2-secret\""), args);
    }

    /** A pipeline whose reading throws what {@code failure} makes (a RuntimeException or an Error). */
    private static Cli runWithReaderThrowing(java.util.function.Supplier<Throwable> failure, String... args) {
        java.util.function.Supplier<dev.roleplan.model.Infrastructure> fail = () -> {
            Throwable t = failure.get();
            if (t instanceof Error e) {
                throw e;
            }
            throw (RuntimeException) t;
        };
        dev.roleplan.app.Frontend failing = dev.roleplan.testing.Frontends.of(path -> fail.get(), (in, name) -> fail.get());
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = Main.run(args, new Io(new java.io.PrintWriter(out), new java.io.PrintWriter(err),
                new java.io.ByteArrayInputStream(new byte[0])), new dev.roleplan.app.Analyzer(failing, failing, inputs -> {
                    throw new AssertionError("not reached");
                }));
        return new Cli(code, out.toString(), err.toString());
    }

    /** A stack overflow or an out-of-memory is an internal error like any other, not a JVM stack trace. */
    @Test
    void anErrorIsAnInternalErrorToo() {
        Cli overflow = runWithReaderThrowing(StackOverflowError::new, "check", "testdata/example/plan.json");
        assertEquals(4, overflow.code());
        assertEquals("roleplan: internal error: java.lang.StackOverflowError (run with --debug for the stack trace)\n",
                overflow.err());
        Cli memory = runWithReaderThrowing(() -> new OutOfMemoryError("Java heap space"), "check", "testdata/example/plan.json");
        assertEquals(4, memory.code());
    }

    @Test
    void maxDepthIsBoundedByWhatTheStackCarries() {
        Cli tooDeep = Cli.run("check", "testdata/example/plan.json", "--max-depth", "2001");
        assertEquals(2, tooDeep.code());
        assertEquals("roleplan: --max-depth 2001: at most 2000 levels (deeper JSON would exhaust the stack)\n", tooDeep.err());
        assertEquals(1, Cli.run("check", "testdata/example/plan.json", "--max-depth", "2000").code());
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
