package dev.roleplan.input.hcl;

import dev.roleplan.input.InputException;
import dev.roleplan.input.InputLimits;
import dev.roleplan.input.hcl.syntax.SourceRange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * How one read of a configuration takes in files (.tf and .tf.json files, variable files, modules.json, what
 * {@code file()} and {@code templatefile()} read): whole, but never one larger than the input limit, which is
 * refused by its size before it is read, and never more than one byte past the limit (a file that grows while it is
 * read, a special file that reports no size). Files are named in errors as the user would find them: the input's
 * path, then the file's path in the tree.
 *
 * @param base     the input directory as given, or the directory of a single .tf file (null: the working directory)
 * @param maxBytes a larger file is refused ({@code --max-input-size})
 */
record SourceFiles(Path base, long maxBytes) {

    /** The most bytes read into one array (the JDK's own limit is a few bytes under Integer.MAX_VALUE). */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 16;

    /** A file of the tree, named relative to the root module as in positions, as the user would find it. */
    String shown(String display) {
        return base == null ? display : base.resolve(display).toString();
    }

    /** A place in the tree as the user would find it. */
    String shown(SourceRange range) {
        return shown(range.file()) + ":" + range.line() + ":" + range.column();
    }

    /**
     * The bytes of a file. Larger than the limit, it is refused with an {@link InputException} naming it
     * ({@code name}) and, for a file a function reads, the call ({@code via}; null otherwise); the message quotes
     * nothing from the file.
     */
    byte[] read(Path file, String name, String via) throws IOException {
        long cap = Math.min(maxBytes, MAX_ARRAY);
        long size = Files.size(file);
        if (size > cap) {
            throw refused(name, via, size, cap);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = new byte[(int) size];
            int n = in.readNBytes(head, 0, head.length);
            // usually nothing: the file did not grow since its size was taken (a special file reports size 0)
            byte[] tail = in.readNBytes((int) (cap + 1 - n));
            if (n + (long) tail.length > cap) {
                throw refused(name, via, -1, cap);
            }
            if (tail.length == 0) {
                return n == head.length ? head : Arrays.copyOf(head, n);
            }
            byte[] all = Arrays.copyOf(head, n + tail.length);
            System.arraycopy(tail, 0, all, n, tail.length);
            return all;
        }
    }

    private InputException refused(String name, String via, long size, long cap) {
        String problem = cap == maxBytes ? InputLimits.tooLarge(size, maxBytes)
                : "refused: " + (size < 0 ? "" : size + " bytes is ") + "larger than roleplan reads of one file ("
                        + cap + " bytes)";
        return new InputException(name, via, problem);
    }
}
