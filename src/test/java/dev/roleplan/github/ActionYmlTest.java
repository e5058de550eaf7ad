package dev.roleplan.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Guards {@code action.yml}: no {@code ${{ }}} expression inside any {@code run:} script (script injection:
 * an input can carry attacker-controlled text, so inputs reach scripts only through {@code env:}), every
 * third-party action pinned by full commit SHA, and the documented inputs and outputs present.
 */
class ActionYmlTest {

  static final Path ACTION = Path.of("action.yml");

  static String actionText() throws Exception {
    return Files.readString(ACTION);
  }

  @Test
  void noRunScriptContainsAnExpression() throws Exception {
    ActionYml yml = ActionYml.parse(actionText());

    assertEquals(5, yml.runBlocks().size(), "the pom hash, build, check, comment and gate scripts");
    for (ActionYml.RunBlock block : yml.runBlocks()) {
      assertTrue(!block.script().contains("${{"), "action.yml line " + block.line() + ": expression inside run:");
    }
  }

  @Test
  void theCheckFindsExpressionsInEveryFormOfRun() throws Exception {
    String literal = """
        runs:
          using: composite
          steps:
            - run: |
                echo ok
                echo "${{ inputs.paths }}"
              shell: bash
            - shell: bash
              run: >-
                echo ${{ github.event.pull_request.title }}
            - run: echo "${{ inputs.x }}"
              shell: bash
            - name: after
              run: |+
                echo fine
        """;
    ActionYml yml = ActionYml.parse(literal);

    List<String> scripts = yml.runBlocks().stream().map(ActionYml.RunBlock::script).toList();
    assertEquals(
        List.of(
            "        echo ok\n        echo \"${{ inputs.paths }}\"\n",
            "        echo ${{ github.event.pull_request.title }}\n",
            "echo \"${{ inputs.x }}\"",
            "        echo fine\n"),
        scripts);
    assertEquals(List.of(4, 9, 11, 14), yml.runBlocks().stream().map(ActionYml.RunBlock::line).toList());
  }

  @Test
  void formsTheCheckCannotReadAreErrorsNotSkips() {
    assertThrows(ActionYml.UnreadableException.class,
        () -> ActionYml.parse("steps:\n  - { run: \"echo ${{ inputs.x }}\", shell: bash }\n"));
    assertThrows(ActionYml.UnreadableException.class,
        () -> ActionYml.parse("steps:\n  - run: \"echo one\n      ${{ inputs.x }}\"\n"));
    assertThrows(ActionYml.UnreadableException.class,
        () -> ActionYml.parse("steps:\n  - run: echo one\n      ${{ inputs.x }}\n    shell: bash\n"));
    assertThrows(ActionYml.UnreadableException.class, () -> ActionYml.parse("steps:\n  - run:\n"));
    assertThrows(ActionYml.UnreadableException.class, () -> ActionYml.parse("steps:\n\t- run: |\n"));
  }

  @Test
  void everyRunStepUsesBash() throws Exception {
    String text = actionText();
    long shells = text.lines().filter(line -> line.strip().equals("shell: bash")).count();
    assertEquals(ActionYml.parse(text).runBlocks().size(), shells);
  }

  @Test
  void everyActionIsPinnedByFullCommitShaWithItsVersionNoted() throws Exception {
    List<ActionYml.Uses> uses = ActionYml.parse(actionText()).uses();

    assertEquals(
        List.of("actions/setup-java@c5195efecf7bdfc987ee8bae7a71cb8b11521c00",
            "actions/cache@5a3ec84eff668545956fd18022155c47e93e2684"),
        uses.stream().map(ActionYml.Uses::reference).toList());
    for (ActionYml.Uses use : uses) {
      assertTrue(use.reference().matches("[\\w.-]+/[\\w./-]+@[0-9a-f]{40}"), "not pinned by SHA: " + use);
      assertTrue(use.comment().matches("# v\\d+(\\.\\d+)*"), "no version comment: " + use);
    }
  }

  @Test
  void inputsAndOutputsAreTheDocumentedOnes() throws Exception {
    String text = actionText();

    assertEquals(
        List.of("paths", "fail-on", "config", "baseline", "comment", "comment-on-clean", "comment-key", "sarif-file",
            "report-file", "github-token", "java-version"),
        keysUnder(text, "inputs:"));
    assertEquals(List.of("findings", "highest-severity", "sarif-file", "comment-url", "report-file"), keysUnder(text, "outputs:"));
    assertTrue(text.contains("    default: ${{ github.token }}\n"), "github-token defaults to the workflow token");
  }

  @Test
  void everyInputReferencedExistsAndEveryInputIsUsed() throws Exception {
    String text = actionText();
    Set<String> referenced = new TreeSet<>();
    Matcher matcher = Pattern.compile("\\$\\{\\{\\s*inputs\\.([a-z-]+)\\s*}}").matcher(text);
    while (matcher.find()) {
      referenced.add(matcher.group(1));
    }
    assertEquals(new TreeSet<>(keysUnder(text, "inputs:")), referenced);
  }

  /** The two-space-indented keys of a top-level mapping. */
  static List<String> keysUnder(String text, String heading) {
    List<String> keys = new ArrayList<>();
    boolean inside = false;
    for (String line : text.split("\n")) {
      if (!line.startsWith(" ") && !line.isBlank() && !line.startsWith("#")) {
        inside = line.equals(heading);
        continue;
      }
      Matcher key = Pattern.compile("^  ([a-z][a-z-]*):\\s*$").matcher(line);
      if (inside && key.matches()) {
        keys.add(key.group(1));
      }
    }
    return keys;
  }
}
