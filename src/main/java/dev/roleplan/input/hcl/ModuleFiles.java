package dev.roleplan.input.hcl;

import dev.roleplan.input.hcl.syntax.Expression;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A module's directory. {@code file()} and {@code templatefile()} read through it and cannot leave the
 * boundary (the repository holding the scanned directory, else the scanned directory itself): a configuration
 * under review must not make roleplan read the reviewer's files.
 */
record ModuleFiles(Path root, Boundary boundary, Path dir, Session session) {

    /** {@code path.module} as Terraform gives it: relative to the root module, "." for the root itself. */
    String pathModule() {
        String relative = root.relativize(dir).toString().replace('\\', '/');
        return relative.isEmpty() ? "." : relative;
    }

    /**
     * The text of a file a function call reads, or null (with a notice) when it is outside the tree or unreadable.
     * A file larger than the input limit is refused with an {@link dev.roleplan.input.InputException} naming the call.
     */
    String read(String path, Expression.FunctionCall call) {
        String function = call.name();
        Path resolved = (Path.of(path).isAbsolute() ? Path.of(path) : root.resolve(path)).normalize();
        if (!boundary.contains(resolved)) {
            session.notice(function + "(\"" + path + "\") reads outside " + boundary.description() + "; its value is unknown");
            return null;
        }
        try {
            Path real = resolved.toRealPath();
            if (!boundary.containsReal(real)) {
                session.notice(function + "(\"" + path + "\") leads outside " + boundary.description() + "; its value is unknown");
                return null;
            }
            SourceFiles files = session.files();
            String name = files.shown(root.relativize(resolved).toString().replace('\\', '/'));
            byte[] bytes = files.read(real, name, function + "() at " + files.shown(call.range()));
            // not HclParser.decodeUtf8, whose syntax error stops the whole read: a file a function reads that is not
            // UTF-8 makes only that value unknown (the decoder reports it as an IOException, handled below)
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IOException e) {
            session.notice(function + "(\"" + path + "\") cannot be read (" + e.getClass().getSimpleName()
                    + "); its value is unknown");
            return null;
        }
    }
}
