package dev.roleplan.cli;

import dev.roleplan.input.hcl.syntax.HclParser;
import dev.roleplan.input.hcl.syntax.HclSyntaxException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every case of testdata/bad/cases.tsv through the real command line: exit code, one-line message, no stack trace. */
class BadInputCatalogTest {

    private static final Path CATALOG = Path.of("testdata/bad/cases.tsv");

    @TempDir
    static Path tmp;

    @BeforeAll
    static void generateHugeInputs() throws IOException {
        // 100,000-deep nesting inside a field the reader keeps
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp.resolve("deep.json")))) {
            out.write("{\"format_version\":\"1.2\",\"variables\":{\"x\":".getBytes(StandardCharsets.US_ASCII));
            out.write("[".repeat(100_000).getBytes(StandardCharsets.US_ASCII));
            out.write("]".repeat(100_000).getBytes(StandardCharsets.US_ASCII));
            out.write("}}".getBytes(StandardCharsets.US_ASCII));
        }
        // a 200 MB single string
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp.resolve("huge-string.json")), 1 << 20)) {
            out.write("{\"format_version\":\"1.2\",\"terraform_version\":\"".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "a".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 200; i++) {
                out.write(chunk);
            }
            out.write("\"}".getBytes(StandardCharsets.US_ASCII));
        }
        Files.createSymbolicLink(tmp.resolve("loop-a.json"), tmp.resolve("loop-b.json"));
        Files.createSymbolicLink(tmp.resolve("loop-b.json"), tmp.resolve("loop-a.json"));
    }

    record Case(String name, List<String> args, int exit, String message, String why) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() throws IOException {
        return Files.readAllLines(CATALOG, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> {
                    String[] columns = line.split("\t", -1);
                    assertEquals(5, columns.length, "5 tab-separated columns: " + line);
                    return Arguments.of(new Case(columns[0], Arrays.asList(columns[1].split(" ")),
                            Integer.parseInt(columns[2]), columns[3], columns[4]));
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void catalogCase(Case c) {
        String[] args = c.args().stream().map(a -> a.replace("{tmp}", tmp.toString())).toArray(String[]::new);
        String message = c.message().replace("{tmp}", tmp.toString());
        // stdin holds a valid plan larger than the smallest --max-input-size case
        byte[] stdin = readBase();
        Cli result = Cli.runWithStdin(new ByteArrayInputStream(stdin), args);
        String all = result.out() + result.err();
        assertFalse(all.contains("Exception") || all.contains("\tat ") || all.contains("Error:"), "no stack trace: " + all);
        assertEquals(c.exit(), result.code(), c.name() + "\nstdout: " + result.out() + "\nstderr: " + result.err());
        if (c.exit() >= 2) {
            assertEquals("", result.out(), "nothing on stdout");
            List<String> lines = result.err().lines().toList();
            assertEquals(1, lines.size(), "one line: " + result.err());
            assertTrue(lines.get(0).startsWith(message), "expected to start with\n" + message + "\nbut was\n" + lines.get(0));
            if (c.exit() == 3) {
                String file = Arrays.stream(args).filter(a -> a.startsWith("testdata") || a.startsWith(tmp.toString()))
                        .findFirst().orElse("(stdin)");
                assertTrue(lines.get(0).contains(file), "names the file: " + lines.get(0));
            }
        } else {
            assertEquals("", result.err());
            assertTrue(result.out().contains(message), "expected in stdout: " + message + "\nbut was\n" + result.out());
        }
    }

    @Test
    void deepNestingNamesTheLimitAndItsOption() {
        Cli result = Cli.run("check", tmp.resolve("deep.json").toString());
        assertEquals(3, result.code());
        assertTrue(result.err().contains("refused: Document nesting depth (1001) exceeds the maximum allowed (1000"), result.err());
        assertTrue(result.err().contains("(--max-depth)"), result.err());
    }

    @Test
    void hugeStringIsRefusedByTheStringLimit() {
        Cli result = Cli.run("check", tmp.resolve("huge-string.json").toString());
        assertEquals(3, result.code());
        assertTrue(result.err().contains("at terraform_version: refused: String value length"), result.err());
        assertTrue(result.err().contains("exceeds the maximum allowed (33554432)"), result.err());
    }

    @Test
    void hugeStringIsRefusedBySizeFirstWhenTheSizeLimitIsLower() {
        Cli result = Cli.run("check", tmp.resolve("huge-string.json").toString(), "--max-input-size", "100m");
        assertEquals(3, result.code());
        assertEquals("roleplan: cannot read " + tmp.resolve("huge-string.json") + ": refused: 209715247 bytes is larger than "
                + "the maximum input size of 100m (--max-input-size)\n", result.err());
    }

    @Test
    void tfSyntaxErrorNamesFileLineAndColumn() throws IOException {
        // until the HCL front end is wired into the CLI, the parser itself must give file:line:col
        Path file = Path.of("testdata/bad/tf_syntax_error/main.tf");
        HclSyntaxException e = assertThrows(HclSyntaxException.class,
                () -> HclParser.parseConfig(file.toString(), Files.readString(file)));
        assertTrue(e.getMessage().startsWith("testdata/bad/tf_syntax_error/main.tf:6:1: expected"), e.getMessage());
    }

    @Test
    void helpDocumentsTheLimits() {
        Cli result = Cli.run("check", "--help");
        assertTrue(result.out().contains("--max-input-size=SIZE"), result.out());
        assertTrue(result.out().contains("--max-depth=N"), result.out());
        assertTrue(result.out().replaceAll("\\s+", " ").contains("deeper than N levels (default: 1000)"), result.out());
    }

    private static byte[] readBase() {
        try {
            return Files.readAllBytes(Path.of("testdata/bad/valid_base.json"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
