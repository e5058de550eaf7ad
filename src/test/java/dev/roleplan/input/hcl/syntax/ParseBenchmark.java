package dev.roleplan.input.hcl.syntax;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures the parser; not a test (timings are reported, never asserted). Run by tools/hcl-bench/run.sh.
 *
 * <p>Generates 1,000 .tf files from the realistic fixtures (labels made unique per copy) and times reading and
 * parsing them all; then times single files of 0.25, 0.5, 1 and 2 MB, both a configuration of many blocks and
 * one huge list expression, to show that time grows linearly with size.
 */
public final class ParseBenchmark {

    private static final List<String> SOURCES = List.of("ecs-service/main.tf", "ecs-service/variables.tf",
            "iam-role/main.tf", "iam-role/variables.tf", "modules-for-each/main.tf", "ecs-service/outputs.tf");

    private ParseBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = System.out;
        Path root = Path.of(args.length > 0 ? args[0] : "testdata/hcl");
        Path work = Path.of(args.length > 1 ? args[1] : "target/hcl-bench");
        List<String> fixtures = new ArrayList<>();
        for (String s : SOURCES) {
            fixtures.add(Files.readString(root.resolve(s), StandardCharsets.UTF_8));
        }

        Path dir = work.resolve("files");
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < 1000; i++) {
            String text = uniqueCopy(fixtures.get(i % fixtures.size()), i);
            Path file = dir.resolve(String.format(Locale.ROOT, "f%04d.tf", i));
            Files.writeString(file, text, StandardCharsets.UTF_8);
            files.add(file);
            bytes += text.getBytes(StandardCharsets.UTF_8).length;
        }
        out.printf(Locale.ROOT, "1,000 files, %.1f MB in all (generated from %d fixtures)%n", bytes / 1e6,
                fixtures.size());
        for (int round = 1; round <= 5; round++) {
            long start = System.nanoTime();
            long cpuStart = CPU.getCurrentThreadCpuTime();
            long processStart = processCpu();
            int blocks = 0;
            for (Path file : files) {
                String name = file.getFileName().toString();
                blocks += HclParser.parseConfig(name, HclParser.decodeUtf8(name, Files.readAllBytes(file))).blocks().size();
            }
            out.printf(Locale.ROOT, "  round %d: read+parse 1,000 files: %d ms wall, %d ms CPU in the parsing thread,"
                    + " %d ms CPU in the whole JVM incl. GC and JIT (%d top-level blocks)%n", round,
                    (System.nanoTime() - start) / 1_000_000, (CPU.getCurrentThreadCpuTime() - cpuStart) / 1_000_000,
                    (processCpu() - processStart) / 1_000_000, blocks);
        }

        for (int kb : new int[] {256, 512, 1024, 2048}) {
            String config = configOfSize(fixtures, kb * 1024);
            String list = listOfSize(kb * 1024);
            out.printf(Locale.ROOT, "%4d KB: blocks %s; one list expression %s%n", kb, time(config), time(list));
        }
    }

    /** CPU time is reported beside wall time because the machine may be shared with other work. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Best of five, after one warm-up parse. */
    private static String time(String text) {
        HclParser.parseConfig("big.tf", text);
        long best = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            long cpuStart = CPU.getCurrentThreadCpuTime();
            HclParser.parseConfig("big.tf", text);
            best = Math.min(best, System.nanoTime() - start);
            bestCpu = Math.min(bestCpu, CPU.getCurrentThreadCpuTime() - cpuStart);
        }
        return String.format(Locale.ROOT, "%6.1f ms wall %6.1f ms CPU", best / 1e6, bestCpu / 1e6);
    }

    private static String uniqueCopy(String text, int n) {
        // block labels and top-level names get a suffix so that merged copies stay distinct
        return text.replaceAll("(resource|data|module|output|variable) \"([^\"]+)\"( \"([^\"]+)\")? \\{",
                "$1 \"$2\"$3 {").replaceAll("\" \\{", "_" + n + "\" {");
    }

    private static String configOfSize(List<String> fixtures, int size) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; out.length() < size; i++) {
            out.append(uniqueCopy(fixtures.get(i % fixtures.size()), i)).append('\n');
        }
        return out.toString();
    }

    private static String listOfSize(int size) {
        StringBuilder out = new StringBuilder("value = [\n");
        for (int i = 0; out.length() < size; i++) {
            out.append("  { name = \"item-").append(i).append("\", port = ").append(8000 + i % 1000)
                    .append(", enabled = ").append(i % 2 == 0).append(", tags = [\"a\", \"b\"] },\n");
        }
        return out.append("]\n").toString();
    }
}
