package dev.roleplan.github;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The seam between the comment publisher and the Markdown renderer: {@code roleplan comment} renders the
 * comment itself from a saved JSON report (so a trusted workflow can comment on a report an untrusted one
 * produced), and this is all it needs from the renderer. The report given has already passed
 * {@link ReportShape#validate}.
 */
public interface ReportMarkdown {

  /** The comment body, without the hidden marker (the publisher adds it). */
  String render(JsonNode report);

  /** True when the report has nothing to show a reviewer, which selects the {@code --on-clean} behaviour. */
  boolean isClean(JsonNode report);
}
