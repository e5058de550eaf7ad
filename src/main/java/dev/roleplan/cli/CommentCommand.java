package dev.roleplan.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.roleplan.github.CommentMarker;
import dev.roleplan.github.CommentPublisher;
import dev.roleplan.github.GitHubClient;
import dev.roleplan.github.GitHubEnvironment;
import dev.roleplan.github.GitHubTarget;
import dev.roleplan.github.LogOutput;
import dev.roleplan.github.Mode;
import dev.roleplan.github.OnClean;
import dev.roleplan.github.Output;
import dev.roleplan.github.PublishAction;
import dev.roleplan.github.PublishResult;
import dev.roleplan.github.ReportMarkdown;
import dev.roleplan.github.ReportShape;
import dev.roleplan.github.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code roleplan comment REPORT.json}: posts or updates the pull-request comment from a saved JSON report.
 *
 * <p>It renders the Markdown itself from the report (after checking the report's shape), so a trusted
 * workflow can comment on a report an untrusted one produced. Commenting never decides the exit code: a
 * failure is a warning and the command exits 0; only a bad command line (2), a bad report (3) or a bug (4)
 * exit otherwise. In GitHub Actions ({@code GITHUB_OUTPUT} set) it also writes the step outputs
 * {@code findings}, {@code highest-severity}, {@code comment-url} and {@code comment-action}.
 */
@Command(
    name = "comment",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Post or update the pull-request comment from a report saved with `roleplan check --format json`.",
      "Reads GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL (GitHub Enterprise Server) and the pull request"
          + " number from the event at GITHUB_EVENT_PATH. A failure to comment is a warning, never an error.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the comment was handled (posted, unchanged, skipped, or a warning said why not)",
      "2:usage error",
      "3:the report could not be read or is not a roleplan JSON report",
      "4:internal error",
    })
public final class CommentCommand implements Callable<Integer> {

  public static final int EXIT_OK = 0;
  public static final int EXIT_USAGE = 2;
  public static final int EXIT_BAD_INPUT = 3;
  public static final int EXIT_INTERNAL = 4;

  /** Far above any real report; a bound because the report may come from an untrusted workflow. */
  static final long MAX_REPORT_BYTES = 64L * 1024 * 1024;

  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "REPORT.json", description = "Report written by `roleplan check --format json`.")
  private Path report;

  @Option(
      names = "--key",
      paramLabel = "KEY",
      defaultValue = CommentMarker.DEFAULT_KEY,
      description = "Keeps this report's comment apart from other plans' in the same pull request"
          + " (letters, digits, . _ / -). Default: ${DEFAULT-VALUE}.")
  private String key;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      defaultValue = "update",
      converter = ModeConverter.class,
      completionCandidates = ModeNames.class,
      description = "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  private Mode mode;

  @Option(
      names = "--on-clean",
      paramLabel = "WHAT",
      defaultValue = "update",
      converter = OnCleanConverter.class,
      completionCandidates = OnCleanNames.class,
      description = "When the report is clean: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  private OnClean onClean;

  @Option(names = "--pr", paramLabel = "N", description = "Pull request number (instead of the event payload's).")
  private Integer pullRequest;

  @Option(names = "--dry-run", description = "Print the comment and what would be done; write nothing.")
  private boolean dryRun;

  private final ReportMarkdown renderer;
  private final Map<String, String> environment;
  private final Sleeper sleeper;

  /** The command as the CLI uses it: the process environment and real waits between retries. */
  public CommentCommand(ReportMarkdown renderer) {
    this(renderer, System.getenv(), Sleeper.REAL);
  }

  public CommentCommand(ReportMarkdown renderer, Map<String, String> environment, Sleeper sleeper) {
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    this.environment = Map.copyOf(environment);
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  @Override
  public Integer call() {
    validateOptions();
    try {
      return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    } catch (RuntimeException e) {
      // a bug, not the user's input: say so plainly (the CLI's --debug is the place for stack traces)
      spec.commandLine().getErr().println("roleplan comment: internal error: " + e.getClass().getName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      return EXIT_INTERNAL;
    }
  }

  private int run(PrintWriter out, PrintWriter err) {
    boolean actions = "true".equals(environment.get("GITHUB_ACTIONS"));
    Output log = new LogOutput(err, actions);

    JsonNode parsed;
    ReportShape.Summary summary;
    try {
      parsed = readReport(report);
      summary = ReportShape.validate(parsed);
    } catch (BadReportException | ReportShape.InvalidReportException e) {
      err.println("roleplan comment: " + report + ": " + e.getMessage());
      return EXIT_BAD_INPUT;
    }

    String markdown;
    boolean clean;
    try {
      markdown = renderer.render(parsed);
      clean = renderer.isClean(parsed);
    } catch (RuntimeException e) {
      err.println("roleplan comment: internal error while rendering " + report + ": " + e.getClass().getName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      return EXIT_INTERNAL;
    }

    PublishResult result = publish(markdown, clean, log);
    if (dryRun) {
      printBody(out, CommentMarker.forKey(key).wrap(markdown), actions);
    }
    out.println(describe(result));
    out.flush();

    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put("findings", Integer.toString(summary.total()));
    outputs.put("highest-severity", summary.highestSeverity());
    outputs.put("comment-url", result.commentUrl().orElse(""));
    outputs.put("comment-action", result.action().label());
    writeStepOutputs(outputs, log);
    return EXIT_OK;
  }

  private void validateOptions() {
    String problem = CommentMarker.problemWith(key);
    if (problem != null) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--key': " + problem);
    }
    if (pullRequest != null && pullRequest < 1) {
      throw new ParameterException(
          spec.commandLine(), "Invalid value for option '--pr': must be a positive number, was " + pullRequest);
    }
  }

  private PublishResult publish(String markdown, boolean clean, Output log) {
    if (mode == Mode.OFF) {
      return new PublishResult(PublishAction.SKIPPED, Optional.empty(), "commenting is off", dryRun);
    }
    GitHubEnvironment.Resolution resolution = GitHubEnvironment.resolve(environment, Optional.ofNullable(pullRequest));
    if (resolution.target().isEmpty()) {
      if (resolution.warning()) {
        log.warning(resolution.reason() + ". The job summary and annotations still show the result.");
      } else {
        log.notice(resolution.reason());
      }
      return new PublishResult(PublishAction.SKIPPED, Optional.empty(), resolution.reason(), dryRun);
    }
    GitHubTarget target = resolution.target().get();
    GitHubClient client = GitHubClient.create(target.apiUrl(), target.graphqlUrl(), target.token(), sleeper, log);
    CommentPublisher publisher = new CommentPublisher(client, target.pullRequest(), log);
    return dryRun
        ? publisher.preview(markdown, key, mode, onClean, clean)
        : publisher.publish(markdown, key, mode, onClean, clean);
  }

  private static JsonNode readReport(Path path) throws BadReportException {
    try {
      if (Files.isDirectory(path)) {
        throw new BadReportException("is a directory, not a JSON report");
      }
      if (Files.size(path) > MAX_REPORT_BYTES) {
        throw new BadReportException("is larger than " + (MAX_REPORT_BYTES >> 20) + " MiB; not reading it");
      }
      ObjectMapper mapper =
          JsonMapper.builder()
              .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
              .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
              .build();
      try (InputStream in = Files.newInputStream(path)) {
        JsonNode node = mapper.readTree(in);
        if (node == null || node.isMissingNode()) {
          throw new BadReportException("is empty");
        }
        return node;
      }
    } catch (NoSuchFileException e) {
      throw new BadReportException("no such file");
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new BadReportException("is not valid JSON" + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new BadReportException("cannot be read: " + e.getMessage());
    }
  }

  /**
   * In GitHub Actions the body is printed between stop-commands markers: it holds strings from the plan,
   * and a line such as {@code ::error::...} in it must not become a workflow command.
   */
  private static void printBody(PrintWriter out, String body, boolean actions) {
    String stop = UUID.randomUUID().toString();
    if (actions) {
      out.println("::stop-commands::" + stop);
    }
    out.println(body);
    if (actions) {
      out.println("::" + stop + "::");
    }
  }

  private String describe(PublishResult result) {
    StringBuilder line = new StringBuilder("roleplan comment");
    if (result.dryRun()) {
      line.append(" (dry run, nothing written)");
    }
    line.append(": ").append(result.dryRun() ? "would be " : "").append(result.action().label());
    result.commentUrl().ifPresent(url -> line.append(' ').append(url));
    if (!result.detail().isEmpty()) {
      line.append(" (").append(result.detail()).append(')');
    }
    return line.toString();
  }

  /** Appends {@code name=value} lines to the file named by GITHUB_OUTPUT, when there is one. */
  private void writeStepOutputs(Map<String, String> outputs, Output log) {
    String file = environment.get("GITHUB_OUTPUT");
    if (file == null || file.isBlank()) {
      return;
    }
    StringBuilder text = new StringBuilder();
    outputs.forEach((name, value) -> {
      // every value is one line (counts, a severity, a GitHub URL); anything else is dropped, not smuggled
      String safe = value.contains("\n") || value.contains("\r") ? "" : value;
      text.append(name).append('=').append(safe).append('\n');
    });
    try {
      Files.writeString(
          Path.of(file), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException | RuntimeException e) {
      log.warning("cannot write the step outputs to GITHUB_OUTPUT: " + e.getMessage());
    }
  }

  private static final class BadReportException extends Exception {
    private static final long serialVersionUID = 1L;

    BadReportException(String message) {
      super(message);
    }
  }

  static final class ModeConverter implements ITypeConverter<Mode> {
    @Override
    public Mode convert(String value) {
      try {
        return Mode.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class OnCleanConverter implements ITypeConverter<OnClean> {
    @Override
    public OnClean convert(String value) {
      try {
        return OnClean.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class ModeNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Mode.cliNames().iterator();
    }
  }

  static final class OnCleanNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return OnClean.cliNames().iterator();
    }
  }
}
