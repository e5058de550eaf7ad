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
}
