package dev.roleplan.cli;

import java.io.InputStream;
import java.io.PrintWriter;

/** The streams a command writes to: injected, so tests run commands in-process and read what they print. */
public record Io(PrintWriter out, PrintWriter err, InputStream in) {
}
