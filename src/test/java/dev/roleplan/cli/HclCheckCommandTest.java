package dev.roleplan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code roleplan check DIR} on Terraform configuration directories. */
class HclCheckCommandTest {

    @TempDir
    Path dir;

    @Test
    void theExampleDirectoryIsCheckedWithFileAndLine() {
        Cli cli = Cli.run("check", "testdata/example", "--fail-on", "never");
        assertEquals(0, cli.code(), cli.err());
        assertTrue(cli.out().contains("input: testdata/example (hcl)"), cli.out());
        assertTrue(cli.out().contains("at modules/iam/main.tf:15"), cli.out());
    }

    @Test
    void aSyntaxErrorExitsThreeWithFileLineAndColumn() throws IOException {
        Files.writeString(dir.resolve("main.tf"), "resource \"aws_iam_role\" \"r\" {\n  name = \n}\n");
        Cli cli = Cli.run("check", dir.toString());
        assertEquals(3, cli.code());
        assertTrue(cli.err().startsWith("roleplan: cannot read " + dir.resolve("main.tf") + ":2:10: expected an expression, found newline"), cli.err());
        assertEquals(1, cli.err().lines().count(), cli.err());
    }

    @Test
    void aDirectoryWithoutTfFilesExitsThree() {
        Cli cli = Cli.run("check", dir.toString());
        assertEquals(3, cli.code());
        assertEquals("roleplan: cannot read " + dir + ": is a directory without .tf or .tf.json files; "
                + "give the directory that holds the root module's configuration\n", cli.err());
    }
}
