package dev.roleplan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roleplan.github.ReportMarkdown;
import dev.roleplan.report.MarkdownReport;

import java.util.Iterator;

/** The pull-request comment: the Markdown report rendered from a saved JSON report. */
final class MarkdownComment implements ReportMarkdown {

    private final MarkdownReport markdown = new MarkdownReport();

    @Override
    public String render(JsonNode report) {
        return markdown.render(report);
    }

    /** Clean when no finding counts: every severity in the summary is zero (suppressed ones are not counted). */
    @Override
    public boolean isClean(JsonNode report) {
        JsonNode summary = report.path("summary");
        for (Iterator<JsonNode> it = summary.elements(); it.hasNext(); ) {
            if (it.next().asInt() != 0) {
                return false;
            }
        }
        return true;
    }
}
