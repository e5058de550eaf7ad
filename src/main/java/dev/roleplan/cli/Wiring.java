package dev.roleplan.cli;

import dev.roleplan.app.Analyzer;
import dev.roleplan.app.Frontend;
import dev.roleplan.input.InputException;
import dev.roleplan.model.Infrastructure;

import java.io.InputStream;
import java.nio.file.Path;

/** Assembles the real pipeline for the command line. (Front ends are wired as they land.) */
final class Wiring {

    private Wiring() {
    }

    static Analyzer analyzer() {
        Frontend missing = new Frontend() {
            @Override
            public Infrastructure read(Path path) {
                throw new InputException(path.toString(), null, "the plan reader is not wired in this build");
            }

            @Override
            public Infrastructure read(InputStream in, String displayName) {
                throw new InputException(displayName, null, "the plan reader is not wired in this build");
            }
        };
        return new Analyzer(missing, null, inputs -> {
            throw new IllegalStateException("no resolver");
        });
    }
}
