package dev.roleplan.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real command line in-process and keeps what it printed. */
record Cli(int code, String out, String err) {

    static Cli run(String... args) {
        return runWithStdin(new ByteArrayInputStream(new byte[0]), args);
    }

    static Cli runWithStdin(InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new Io(new PrintWriter(out), new PrintWriter(err), stdin), Wiring.analyzer());
        return new Cli(code, out.toString(), err.toString());
    }
}
