package dev.roleplan.cli;

import dev.roleplan.app.Analyzer;
import dev.roleplan.app.Frontend;
import dev.roleplan.input.InputLimits;
import dev.roleplan.input.hcl.HclReader;
import dev.roleplan.input.plan.PlanReader;
import dev.roleplan.model.Infrastructure;
import dev.roleplan.resolve.Resolver;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/** Assembles the real pipeline for the command line. */
final class Wiring {

    private Wiring() {
    }

    static Analyzer analyzer() {
        Resolver resolver = new Resolver();
        return new Analyzer(planFrontend(PlanReader::new), hcl(new HclReader()), resolver::resolve);
    }

    /**
     * The plan reader is built on first use: {@code check} replaces it with one of the command line's limits,
     * and other commands never read a plan, so building one up front was start-up time spent for nothing.
     */
    private static Frontend planFrontend(java.util.function.Supplier<PlanReader> make) {
        return new Frontend() {
            private PlanReader reader;

            private synchronized PlanReader reader() {
                if (reader == null) {
                    reader = make.get();
                }
                return reader;
            }

            @Override
            public Infrastructure read(Path path) {
                return reader().read(path);
            }

            @Override
            public Infrastructure read(InputStream in, String displayName) {
                return reader().read(in, displayName);
            }

            @Override
            public Frontend withLimits(InputLimits limits) {
                return planFrontend(() -> new PlanReader(limits));
            }
        };
    }

    private static Frontend hcl(HclReader reader) {
        return new Frontend() {
            @Override
            public Infrastructure read(Path path) {
                return reader.read(path);
            }

            @Override
            public Infrastructure read(InputStream in, String displayName) {
                return reader.read(in, displayName);
            }

            @Override
            public Frontend withVariables(List<Path> varFiles, List<String> assignments) {
                return hcl(reader.withVariables(varFiles, assignments));
            }

            @Override
            public Frontend withLimits(InputLimits limits) {
                return hcl(reader.withLimits(limits));
            }
        };
    }
}
