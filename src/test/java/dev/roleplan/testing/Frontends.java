package dev.roleplan.testing;

import dev.roleplan.app.Frontend;
import dev.roleplan.model.Infrastructure;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Front ends for tests. */
public final class Frontends {

    private Frontends() {
    }

    /**
     * A front end of two read methods (e.g. a reader's {@code reader::read}), with no variables and no limits:
     * the real wiring (cli.Wiring) also passes those on, which a test that only reads does not need.
     */
    public static Frontend of(Function<Path, Infrastructure> file, BiFunction<InputStream, String, Infrastructure> stream) {
        return new Frontend() {
            @Override
            public Infrastructure read(Path path) {
                return file.apply(path);
            }

            @Override
            public Infrastructure read(InputStream in, String displayName) {
                return stream.apply(in, displayName);
            }
        };
    }
}
