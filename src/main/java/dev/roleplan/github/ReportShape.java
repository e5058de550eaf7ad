package dev.roleplan.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Checks that a JSON report is one roleplan wrote before anything renders it. The report may come from an
 * untrusted workflow (the fork-safe pattern hands it from a pull_request run to a privileged workflow_run),
 * so the shape is checked rather than assumed: {@code tool.name} is {@code roleplan}, {@code findings} is an
 * array of objects with a string {@code rule} and a known {@code severity}, and {@code summary} holds a
 * non-negative integer count for each severity.
 */
public final class ReportShape {

  /** Severities from highest to lowest, as the JSON report spells them. */
  public static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low", "info");

  /** Thrown with a message that says where in the report the problem is and what it is. */
  public static final class InvalidReportException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidReportException(String pointer, String problem) {
      super((pointer.isEmpty() ? "the report" : pointer) + ": " + problem);
    }
  }

  /** The counts that gate, from {@code summary}. */
  public record Summary(Map<String, Integer> counts) {

    public int total() {
      return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The highest severity with a count above zero, or {@code none}. */
    public String highestSeverity() {
      return SEVERITIES.stream().filter(s -> counts.get(s) > 0).findFirst().orElse("none");
    }
  }

  private ReportShape() {}

  public static Summary validate(JsonNode report) throws InvalidReportException {
    if (report == null || !report.isObject()) {
      throw new InvalidReportException("", "must be a JSON object (roleplan check --format json)");
    }
    JsonNode name = report.path("tool").path("name");
    if (!name.isTextual() || !"roleplan".equals(name.asText())) {
      throw new InvalidReportException("/tool/name", "must be \"roleplan\"; this is not a roleplan JSON report");
    }
    JsonNode findings = report.get("findings");
    if (findings == null || !findings.isArray()) {
      throw new InvalidReportException("/findings", "must be an array, found " + kind(findings));
    }
    for (int i = 0; i < findings.size(); i++) {
      validateFinding(findings.get(i), "/findings/" + i);
    }
    JsonNode summary = report.get("summary");
    if (summary == null || !summary.isObject()) {
      throw new InvalidReportException("/summary", "must be an object, found " + kind(summary));
    }
    Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    for (String severity : SEVERITIES) {
      JsonNode count = summary.get(severity);
      if (count == null || !count.isIntegralNumber() || !count.canConvertToInt() || count.intValue() < 0) {
        throw new InvalidReportException(
            "/summary/" + severity, "must be a non-negative integer, found " + kind(count));
      }
      counts.put(severity, count.intValue());
    }
    return new Summary(java.util.Collections.unmodifiableMap(counts));
  }

  private static void validateFinding(JsonNode finding, String pointer) throws InvalidReportException {
    if (!finding.isObject()) {
      throw new InvalidReportException(pointer, "must be an object, found " + kind(finding));
    }
    if (!finding.path("rule").isTextual()) {
      throw new InvalidReportException(pointer + "/rule", "must be a string, found " + kind(finding.get("rule")));
    }
    JsonNode severity = finding.get("severity");
    if (severity == null || !severity.isTextual() || !SEVERITIES.contains(severity.asText())) {
      throw new InvalidReportException(
          pointer + "/severity", "must be one of " + String.join(", ", SEVERITIES) + ", found " + kind(severity));
    }
  }

  private static String kind(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isTextual()) {
      String text = node.asText();
      return text.length() <= 20 && text.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"')
          ? "the string \"" + text + "\""
          : "a string";
    }
    return switch (node.getNodeType()) {
      case NUMBER -> node.isIntegralNumber() ? "the number " + node.asText() : "a fractional number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
