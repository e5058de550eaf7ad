package dev.roleplan.tools;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bin/roleplan passes the measured JVM options and the user's arguments to java, against a stand-in java. */
class LauncherScriptTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(Path fakeJava, Path jar, Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("sh", "bin/roleplan"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JAVA", fakeJava.toString());
        pb.environment().put("ROLEPLAN_JAR", jar.toString());
        pb.environment().remove("ROLEPLAN_JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out, err);
    }

    /** A java that prints one argument per line, writes the archive it is asked to record, and exits 7 (or FAKE_EXIT). */
    private static Path fakeJava(Path dir) throws IOException {
        Path java = dir.resolve("java");
        Files.writeString(java, """
                #!/bin/sh
                for a in "$@"; do
                    echo "$a"
                    case "$a" in -XX:ArchiveClassesAtExit=*) echo recorded > "${a#-XX:ArchiveClassesAtExit=}" ;; esac
                done
                exit "${FAKE_EXIT:-7}"
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return java;
    }

    @Test
    void runsTheJarWithC1AndSerialGcAndPassesArgumentsThrough(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("roleplan.jar"), "not really a jar");
        Run r = run(fakeJava(dir), jar, Map.of("ROLEPLAN_JAVA_OPTS", "-Xmx1g", "ROLEPLAN_CDS", "0"),
                "check", "a plan.json", "--fail-on", "high");
        assertEquals(7, r.exit(), r.err());
        List<String> expected = new java.util.ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        if (processors() <= 2) {
            expected.add("-XX:CICompilerCount=1"); // one compiler thread on one or two processors
        }
        expected.addAll(List.of("-Xmx1g", "-jar", jar.toString(), "check", "a plan.json", "--fail-on", "high"));
        assertEquals(expected, r.out().lines().toList());
    }

    /** Processors as the script counts them. */
    private static int processors() throws Exception {
        Process p = new ProcessBuilder("getconf", "_NPROCESSORS_ONLN").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        return Integer.parseInt(out);
    }

    @Test
    void usesAClassDataArchiveOnlyWhenItIsNewerThanTheJar(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("roleplan.jar"), "jar");
        Path archive = Files.writeString(dir.resolve("roleplan.jsa"), "archive");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000_000_000L));
        Files.setLastModifiedTime(archive, FileTime.fromMillis(1_000_000_100_000L));
        List<String> fresh = run(fakeJava(dir), jar, Map.of(), "--version").out().lines().toList();
        assertTrue(fresh.contains("-XX:SharedArchiveFile=" + archive), fresh.toString());
        assertTrue(fresh.contains("-Xlog:all=warning:stderr"), fresh.toString());

        Files.setLastModifiedTime(archive, FileTime.fromMillis(999_000_000_000L)); // the jar was rebuilt since
        List<String> stale = run(fakeJava(dir), jar, Map.of(), "check", "plan.json").out().lines().toList();
        assertTrue(stale.stream().noneMatch(a -> a.startsWith("-XX:SharedArchiveFile")), stale.toString());
        assertTrue(stale.stream().anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=")), "recorded anew: " + stale);
    }

    /** --version or --help loads too little to archive: later checks would map an archive without their classes. */
    @Test
    void onlyARunThatAnalysesRecordsTheArchive(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("roleplan.jar"), "jar");
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"rules"}, new String[] {"check", "--help"})) {
            List<String> seen = run(fakeJava(dir), jar, Map.of(), args).out().lines().toList();
            assertTrue(seen.stream().noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=")), seen.toString());
            assertTrue(seen.stream().noneMatch(a -> a.startsWith("-XX:SharedArchiveFile")), seen.toString());
        }
        assertTrue(Files.notExists(dir.resolve("roleplan.jsa")));
        for (String command : List.of("diff", "policy")) {
            Files.deleteIfExists(dir.resolve("roleplan.jsa"));
            List<String> seen = run(fakeJava(dir), jar, Map.of(), command, "x").out().lines().toList();
            assertTrue(seen.stream().anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=")), seen.toString());
        }
    }

    @Test
    void theFirstRunRecordsTheArchiveInPlaceAndKeepsItsExitCode(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("roleplan.jar"), "jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000_000_000L));
        Run first = run(fakeJava(dir), jar, Map.of(), "check", "plan.json");
        assertEquals(7, first.exit(), first.err());
        List<String> args = first.out().lines().toList();
        assertTrue(args.stream().anyMatch(a -> a.matches("-XX:ArchiveClassesAtExit=.*roleplan\\.jsa\\.[0-9]+\\.tmp")), args.toString());
        assertTrue(args.contains("-Xlog:all=error:stderr"), "recording warnings stay quiet: " + args);
        assertEquals(List.of("check", "plan.json"), args.subList(args.size() - 2, args.size()));
        assertEquals("recorded\n", Files.readString(dir.resolve("roleplan.jsa")));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".tmp")), "no temporary archive left behind");
        }
        List<String> next = run(fakeJava(dir), jar, Map.of(), "check", "plan.json").out().lines().toList();
        assertTrue(next.contains("-XX:SharedArchiveFile=" + dir.resolve("roleplan.jsa")), next.toString());
    }

    @Test
    void aRunThatStopsOnAUsageErrorOrBadInputLeavesNoArchive(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("roleplan.jar"), "jar");
        for (String code : List.of("2", "3", "4")) {
            Run r = run(fakeJava(dir), jar, Map.of("FAKE_EXIT", code), "check", "plan.json");
            assertEquals(Integer.parseInt(code), r.exit(), r.err());
            assertTrue(r.out().lines().anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=")), r.out());
            assertTrue(Files.notExists(dir.resolve("roleplan.jsa")), "exit " + code + " kept an archive");
            try (var files = Files.list(dir)) {
                assertTrue(files.noneMatch(f -> f.toString().endsWith(".tmp")), "no temporary archive left behind");
            }
        }
    }

    @Test
    void compilerOptionsOfTheUserAreNotCombinedWithOneCompilerThread(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("roleplan.jar"), "jar");
        for (String opts : List.of("-XX:TieredStopAtLevel=4", "-XX:CICompilerCount=3", "-XX:-TieredCompilation")) {
            List<String> args = run(fakeJava(dir), jar, Map.of("ROLEPLAN_JAVA_OPTS", opts, "ROLEPLAN_CDS", "0"),
                    "check", "plan.json").out().lines().toList();
            assertTrue(args.contains(opts), args.toString());
            assertTrue(args.stream().noneMatch(a -> a.equals("-XX:CICompilerCount=1")), opts + ": " + args);
        }
    }

    @Test
    void aMissingJarSaysHowToBuildItAndExits3(@TempDir Path dir) throws Exception {
        Run r = run(fakeJava(dir), dir.resolve("absent.jar"), Map.of(), "check", "plan.json");
        assertEquals(3, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().contains("absent.jar not found; build it with: mvn -q -DskipTests package"), r.err());
    }
}
