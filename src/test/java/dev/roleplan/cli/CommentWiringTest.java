package dev.roleplan.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `roleplan comment` is reachable from the real command line and refuses what is not a roleplan report. */
class CommentWiringTest {

    @Test
    void commentIsACommandOfTheRealCli() {
        Cli help = Cli.run("comment", "--help");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().contains("REPORT.json"), help.out());
    }

    @Test
    void aPlanIsNotAReport() {
        Cli r = Cli.run("comment", "testdata/example/plan.json", "--dry-run");
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("testdata/example/plan.json"), r.err());
    }

    @Test
    void cleanMeansNothingCounts() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var md = new MarkdownComment();
        assertTrue(md.isClean(json.readTree("{\"summary\":{\"critical\":0,\"high\":0,\"medium\":0,\"low\":0,\"info\":0}}")));
        assertEquals(false, md.isClean(json.readTree("{\"summary\":{\"critical\":0,\"high\":0,\"medium\":0,\"low\":0,\"info\":1}}")));
    }
}
