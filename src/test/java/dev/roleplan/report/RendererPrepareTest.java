package dev.roleplan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The check command prepares the renderer on another thread: preparing must show nothing and change nothing. */
class RendererPrepareTest {

    @Test
    void preparingPrintsNothingAndRendersTheSame() {
        for (Renderer r : List.of(new JsonReport(), new SarifReport(), new TextReport(), new MarkdownReport(), new JunitReport())) {
            String before = r.getClass().getSimpleName() + ":" + r.render(SampleReports.typical());
            PrintStream out = System.out;
            PrintStream err = System.err;
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            try (PrintStream capture = new PrintStream(seen, true, StandardCharsets.UTF_8)) {
                System.setOut(capture);
                System.setErr(capture);
                r.prepare();
            } finally {
                System.setOut(out);
                System.setErr(err);
            }
            assertEquals("", seen.toString(StandardCharsets.UTF_8), r.getClass().getSimpleName());
            assertEquals(before, r.getClass().getSimpleName() + ":" + r.render(SampleReports.typical()));
        }
    }
}
