package dev.roleplan.input.hcl;

import dev.roleplan.input.InputException;
import dev.roleplan.input.InputLimits;
import dev.roleplan.model.Infrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static dev.roleplan.input.hcl.Infra.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code --max-input-size} on a .tf tree: every file the reader reads is refused by its size, naming it. */
class HclInputLimitTest {

    private static final int LIMIT = 1024;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Infra.write(dir, name, text);
    }

    /** HCL of exactly {@code bytes} bytes: a comment line of padding, then {@code text}. */
    private static String hcl(int bytes, String text) {
        return "#" + "x".repeat(bytes - text.length() - 2) + "\n" + text;
    }

    /** JSON of exactly {@code bytes} bytes: {@code text}, then spaces. */
    private static String json(int bytes, String text) {
        return text + " ".repeat(bytes - text.length());
    }

    private Infrastructure read(long limit, Path... varFiles) {
        return new HclReader(List.of(varFiles), List.of()).withLimits(InputLimits.defaults().withMaxInputBytes(limit)).read(dir);
    }

    private InputException refused(Path... varFiles) {
        return assertThrows(InputException.class, () -> read(LIMIT, varFiles));
    }

    private static String tooLarge(int size) {
        return "refused: " + size + " bytes is larger than the maximum input size of 1k (--max-input-size)";
    }

    private static final String ROLE = "resource \"aws_iam_role\" \"r\" {\n  name = \"r\"\n}\n";

    @Test
    void aConfigurationFileOverTheLimitIsRefusedNamingIt() throws IOException {
        write("main.tf", ROLE);
        Path big = write("big.tf", hcl(LIMIT + 1, "variable \"x\" {}\n"));
        assertEquals(big + ": " + tooLarge(LIMIT + 1), refused().getMessage());
        Files.delete(big);
        Path bigJson = write("big.tf.json", json(LIMIT + 200, "{\"variable\": {\"x\": {}}}"));
        assertEquals(bigJson + ": " + tooLarge(LIMIT + 200), refused().getMessage());
    }

    @Test
    void aModuleFileOverTheLimitIsRefusedNamingIt() throws IOException {
        write("main.tf", "module \"m\" {\n  source = \"./m\"\n}\n");
        Path big = write("m/main.tf", hcl(LIMIT + 100, ROLE));
        assertEquals(big + ": " + tooLarge(LIMIT + 100), refused().getMessage());
    }

    @Test
    void aVariableFileOverTheLimitIsRefusedNamingIt() throws IOException {
        write("main.tf", "variable \"name\" {}\n" + ROLE.replace("\"r\"\n", "var.name\n"));
        Path given = write("prod.tfvars.json", json(LIMIT + 1, "{\"name\": \"r\"}"));
        assertEquals(given + ": " + tooLarge(LIMIT + 1), refused(given).getMessage());
        Path tfvars = write("terraform.tfvars", hcl(LIMIT + 2, "name = \"r\"\n"));
        assertEquals(tfvars + ": " + tooLarge(LIMIT + 2), refused().getMessage());
    }

    @Test
    void aFileAFunctionReadsOverTheLimitIsRefusedNamingTheCallNotTheContent() throws IOException {
        Path main = write("main.tf", """
                resource "aws_iam_policy" "p" {
                  name   = "p"
                  policy = file("big.json")
                }
                """);
        Path big = write("big.json", json(LIMIT + 500, "{\"Statement\": [], \"Sid\": \"s3cr3t\"}"));
        InputException e = refused();
        assertEquals(big + ": file() at " + main + ":3:12: " + tooLarge(LIMIT + 500), e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());

        write("main.tf", """
                resource "aws_ecs_task_definition" "t" {
                  family                = "t"
                  container_definitions = templatefile("big.json", {})
                }
                """);
        assertEquals(big + ": templatefile() at " + main + ":3:27: " + tooLarge(LIMIT + 500), refused().getMessage());
    }

    @Test
    void aFileOfExactlyTheLimitIsReadAndOneByteMoreIsNot() throws IOException {
        String document = json(LIMIT, "{\"Version\": \"2012-10-17\", \"Statement\": []}");
        Path main = write("main.tf", hcl(LIMIT, "resource \"aws_iam_policy\" \"p\" {\n  name = \"p\"\n  policy = file(\"doc.json\")\n}\n"));
        Path doc = write("doc.json", document);
        Path tfvars = write("terraform.tfvars", hcl(LIMIT, "unused = 1\n"));
        assertEquals(document, resource(read(LIMIT), "aws_iam_policy.p").value("policy"));

        for (Path file : List.of(doc, tfvars, main)) {
            byte[] atTheLimit = Files.readAllBytes(file);
            Files.writeString(file, " ", StandardOpenOption.APPEND);
            String via = file == doc ? ": file() at " + main + ":4:12" : "";
            assertEquals(file + via + ": " + tooLarge(LIMIT + 1), refused().getMessage());
            Files.write(file, atTheLimit);
        }
    }

    @Test
    void aFileThatReportsNoSizeIsReadNoFurtherThanTheLimit() throws IOException {
        Path status = Path.of("/proc/self/status"); // a regular file of size 0 that holds a kilobyte or more
        assumeTrue(Files.isRegularFile(status) && Files.size(status) == 0, "Linux /proc");
        write("main.tf", ROLE);
        InputException e = assertThrows(InputException.class, () -> read(100, status));
        assertEquals(status + ": refused: larger than the maximum input size of 100 bytes (--max-input-size)", e.getMessage());
    }

    @Test
    void aFileLargerThanOneArrayIsRefusedByItsSizeUnderAHigherLimit() throws IOException {
        write("main.tf", ROLE);
        long size = 3L << 30;
        try (RandomAccessFile sparse = new RandomAccessFile(dir.resolve("huge.tf").toFile(), "rw")) {
            sparse.setLength(size); // sparse: takes no disk, and is never read
        }
        InputException e = assertThrows(InputException.class, () -> read(4L << 30));
        assertEquals(dir.resolve("huge.tf") + ": refused: " + size + " bytes is larger than roleplan reads of one file ("
                + (Integer.MAX_VALUE - 16) + " bytes)", e.getMessage());
    }
}
