package dev.roleplan.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the action's own scripts with bash, as the runner does ({@code bash --noprofile --norc -eo pipefail}),
 * with a stand-in {@code java} on the PATH that records its arguments: paths split one per line, options
 * passed as given, the gate carried to the last step, SARIF written by a run that never gates.
 */
class ActionScriptsTest {

  @TempDir Path dir;
  Path calls;
  Path outputs;
  Path summary;
  Map<String, String> env;

  @BeforeEach
  void fakeJava() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    calls = dir.resolve("calls.txt");
    outputs = dir.resolve("github_output");
    summary = dir.resolve("step_summary");
    Files.writeString(outputs, "");
    Path java = bin.resolve("java");
    // records each call as [arg][arg]...; the JSON run exits with FAKE_GATE, the SARIF run with FAKE_SARIF
    Files.writeString(java, """
        #!/bin/bash
        printf '[%s]' "$@" >> "$CALLS"
        printf '\\n' >> "$CALLS"
        printf '%s\\n' "${JDK_JAVA_OPTIONS:-}" >> "$CALLS.jvm"
        case "$*" in
          *"--format sarif"*) exit "${FAKE_SARIF:-0}" ;;
          *) exit "${FAKE_GATE:-0}" ;;
        esac
        """);
    assertTrue(java.toFile().setExecutable(true));
    env = new HashMap<>();
    env.put("PATH", bin + ":" + System.getenv("PATH"));
    env.put("CALLS", calls.toString());
    env.put("GITHUB_OUTPUT", outputs.toString());
    env.put("GITHUB_STEP_SUMMARY", summary.toString());
    env.put("RUNNER_TEMP", dir.toString());
    env.put("ACTION_PATH", "/action");
    env.put("INPUT_PATHS", "plans/prod plan.json\n   plans/staging.json  \n\n");
    env.put("INPUT_FAIL_ON", "high");
    env.put("INPUT_CONFIG", "");
    env.put("INPUT_BASELINE", "");
    env.put("INPUT_SARIF_FILE", "roleplan.sarif");
    env.put("INPUT_REPORT_FILE", "");
  }

  static String script(String marker) throws Exception {
    return ActionYml.parse(Files.readString(Path.of("action.yml"))).runBlocks().stream()
        .map(ActionYml.RunBlock::script)
        .filter(s -> s.contains(marker))
        .findFirst()
        .orElseThrow();
  }

  int bash(String script) throws Exception {
    Path file = dir.resolve("step.sh");
    Files.writeString(file, script);
    ProcessBuilder builder = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", file.toString());
    builder.directory(Files.createDirectories(dir.resolve("workspace")).toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    builder.redirectOutput(dir.resolve("log.txt").toFile());
    Process process = builder.start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the script did not finish");
    return process.exitValue();
  }

  List<String> calls() throws Exception {
    return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
  }

  String log() throws Exception {
    return Files.readString(dir.resolve("log.txt"), StandardCharsets.UTF_8);
  }

  /** The step outputs, with the temporary report directory's random name replaced. */
  String outputs() throws Exception {
    return Files.readString(outputs).replaceAll("roleplan\\.[A-Za-z0-9]{6}", "roleplan.XXXXXX");
  }

  @Test
  void theCheckStepRunsOneGatingAnalysisAndOneSarifRun() throws Exception {
    env.put("INPUT_BASELINE", "baseline.json");

    assertEquals(0, bash(script("--format json")), this::logOrEmpty);

    String report = dir + "/roleplan.XXXXXX/report.json";
    List<String> expected = new ArrayList<>();
    expected.add("[-jar][/action/target/roleplan.jar][check][--baseline][baseline.json][--fail-on][high][--format][json]"
        + "[--output][" + report + "][--github-annotations][--summary][" + summary + "][--][plans/prod plan.json]"
        + "[plans/staging.json]");
    expected.add("[-jar][/action/target/roleplan.jar][check][--baseline][baseline.json][--fail-on][never][--format]"
        + "[sarif][--output][roleplan.sarif][--][plans/prod plan.json][plans/staging.json]");
    assertEquals(expected, calls().stream().map(c -> c.replaceAll("roleplan\\.[A-Za-z0-9]{6}", "roleplan.XXXXXX")).toList());
    assertEquals("gate=0\nreport=" + report + "\nsarif-file=roleplan.sarif\n", outputs());
  }

  @Test
  void onTwoProcessorsTheJvmGetsOneCompilerThread() throws Exception {
    processors(2);
    env.put("JDK_JAVA_OPTIONS", "-XX:TieredStopAtLevel=1");

    assertEquals(0, bash(script("--format json")), this::logOrEmpty);

    assertEquals(List.of("-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1", "-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1"),
        Files.readAllLines(Path.of(calls + ".jvm")));
  }

  @Test
  void onMoreProcessorsTheJvmOptionsStayAsGiven() throws Exception {
    processors(4);
    env.put("JDK_JAVA_OPTIONS", "-XX:TieredStopAtLevel=1");

    assertEquals(0, bash(script("--format json")), this::logOrEmpty);

    assertEquals(List.of("-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=1"), Files.readAllLines(Path.of(calls + ".jvm")));
  }

  /** A getconf that reports {@code n} processors online, in front of the real one. */
  private void processors(int n) throws Exception {
    Path getconf = dir.resolve("bin/getconf");
    Files.writeString(getconf, "#!/bin/bash\necho " + n + "\n");
    assertTrue(getconf.toFile().setExecutable(true));
  }

  @Test
  void withoutAFailOnInputTheConfigurationDecides() throws Exception {
    env.put("INPUT_FAIL_ON", "");
    env.put("INPUT_CONFIG", "ci/.roleplan.yml");

    assertEquals(0, bash(script("--format json")), this::logOrEmpty);

    assertTrue(calls().get(0).startsWith("[-jar][/action/target/roleplan.jar][check][--config][ci/.roleplan.yml]"
        + "[--format][json]"), calls().get(0));
    assertTrue(calls().stream().noneMatch(c -> c.contains("[--fail-on][]")), calls().toString());
  }

  @Test
  void findingsAtTheThresholdAreCarriedToTheGateNotFailedHere() throws Exception {
    env.put("FAKE_GATE", "1");
    env.put("INPUT_SARIF_FILE", "");
    env.put("INPUT_CONFIG", "ci/.roleplan.yml");

    assertEquals(0, bash(script("--format json")), this::logOrEmpty);

    assertEquals(1, calls().size(), "no SARIF run when sarif-file is empty");
    assertTrue(calls().get(0).startsWith("[-jar][/action/target/roleplan.jar][check][--config][ci/.roleplan.yml]"
        + "[--fail-on][high]"), calls().get(0));
    assertEquals("gate=1\nreport=" + dir + "/roleplan.XXXXXX/report.json\nsarif-file=\n", outputs());
  }

  @Test
  void aGivenReportFileIsWrittenThere() throws Exception {
    env.put("INPUT_REPORT_FILE", "out/roleplan-report.json");

    assertEquals(0, bash(script("--format json")), this::logOrEmpty);

    assertTrue(calls().get(0).contains("[--format][json][--output][out/roleplan-report.json]"), calls().get(0));
    assertEquals("gate=0\nreport=out/roleplan-report.json\nsarif-file=roleplan.sarif\n", outputs());
    assertTrue(Files.isDirectory(dir.resolve("workspace/out")), "the report's directory is created");
  }

  @Test
  void aCheckThatCannotFinishSkipsSarifAndTheComment() throws Exception {
    env.put("FAKE_GATE", "3");

    assertEquals(0, bash(script("--format json")), this::logOrEmpty);

    assertEquals(1, calls().size());
    assertEquals("gate=3\nreport=\nsarif-file=\n", outputs());
    assertTrue(log().contains("::error title=roleplan::roleplan check could not finish (exit code 3)"), log());
  }

  @Test
  void aFailedSarifRunIsAWarningAndLeavesTheGateAlone() throws Exception {
    env.put("FAKE_SARIF", "4");

    assertEquals(0, bash(script("--format json")), this::logOrEmpty);

    assertEquals("gate=0\nreport=" + dir + "/roleplan.XXXXXX/report.json\nsarif-file=\n", outputs());
    assertTrue(log().contains("::warning title=roleplan::roleplan could not write the SARIF file"), log());
  }

  @Test
  void emptyPathsAreAUsageErrorWithoutRunningJava() throws Exception {
    env.put("INPUT_PATHS", " \n\n ");

    assertEquals(0, bash(script("--format json")), this::logOrEmpty);

    assertEquals(List.of(), calls());
    assertEquals("gate=2\nreport=\nsarif-file=\n", outputs());
  }

  @Test
  void aMultiLineSarifFileCannotInjectOutputs() throws Exception {
    env.put("INPUT_SARIF_FILE", "x.sarif\ngate=0");

    assertEquals(0, bash(script("--format json")), this::logOrEmpty);

    assertEquals(List.of(), calls());
    assertEquals("gate=2\nreport=\nsarif-file=\n", outputs());
  }

  @Test
  void aMultiLineReportFileCannotInjectOutputs() throws Exception {
    env.put("INPUT_REPORT_FILE", "r.json\rgate=0");

    assertEquals(0, bash(script("--format json")), this::logOrEmpty);

    assertEquals(List.of(), calls());
    assertEquals("gate=2\nreport=\nsarif-file=\n", outputs());
  }

  @Test
  void theCommentStepPassesItsInputsAndNeverFails() throws Exception {
    env.put("REPORT", "/tmp/r/report.json");
    env.put("INPUT_COMMENT", "hide-and-new");
    env.put("INPUT_COMMENT_ON_CLEAN", "delete");
    env.put("INPUT_COMMENT_KEY", "prod");
    env.put("FAKE_GATE", "3");

    assertEquals(0, bash(script("roleplan.jar\" comment")), this::logOrEmpty);

    assertEquals(List.of("[-jar][/action/target/roleplan.jar][comment][/tmp/r/report.json][--mode][hide-and-new]"
        + "[--on-clean][delete][--key][prod]"), calls());
    assertTrue(log().contains("::warning title=roleplan::roleplan comment did not run"), log());
  }

  @Test
  void theGateStepExitsWithTheCheckResult() throws Exception {
    String gate = script("case \"$GATE\" in");
    env.put("INPUT_FAIL_ON", "medium");
    for (String[] pair : new String[][] {{"0", "0"}, {"1", "1"}, {"3", "3"}, {"", "4"}, {"1; rm -rf /", "4"}}) {
      env.put("GATE", pair[0]);
      assertEquals(Integer.parseInt(pair[1]), bash(gate), "GATE=" + pair[0]);
    }
    env.put("GATE", "1");
    bash(gate);
    assertEquals("roleplan: findings at or above fail-on (medium); failing the step\n", log());
  }

  private String logOrEmpty() {
    try {
      return log();
    } catch (Exception e) {
      return "";
    }
  }
}
