package dev.roleplan.report;

import dev.roleplan.engine.Engine;
import dev.roleplan.input.plan.PlanReader;
import dev.roleplan.model.Model;
import dev.roleplan.resolve.Resolver;
import dev.roleplan.rules.BuiltInRules;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

/**
 * The text and JSON reports of the bundled example, approved as files beside this test, so a reviewer reads
 * the real output in the diff. Regenerate by copying the *.received.* file over the *.approved.* one.
 */
class ExampleReportApprovalTest {

    private static Report exampleReport() {
        Model model = new Resolver().resolve(List.of(new PlanReader().read(Path.of("testdata/example/plan.json"))));
        return Report.of("test", model, new Engine(BuiltInRules.all()).run(model));
    }

    private static Options options(String extension) {
        return new Options().withReporter(new QuietReporter()).forFile().withExtension(extension);
    }

    @Test
    void text() {
        Approvals.verify(new TextReport().render(exampleReport()), options(".txt"));
    }

    @Test
    void json() {
        Approvals.verify(new JsonReport().render(exampleReport()), options(".json"));
    }
}
