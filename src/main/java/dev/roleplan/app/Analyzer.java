package dev.roleplan.app;

import dev.roleplan.engine.Engine;
import dev.roleplan.engine.Finding;
import dev.roleplan.engine.Rule;
import dev.roleplan.input.InputException;
import dev.roleplan.model.Infrastructure;
import dev.roleplan.model.Model;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The pipeline as a library call: read each input with the front end its kind needs, resolve task
 * definitions to roles and policies, run the rules. The CLI is a thin shell over this.
 */
public final class Analyzer {

    private final Frontend plan;
    private final Frontend hcl;
    private final Function<List<Infrastructure>, Model> resolver;

    /** @param hcl the .tf front end, or null when this build has none */
    public Analyzer(Frontend plan, Frontend hcl, Function<List<Infrastructure>, Model> resolver) {
        this.plan = plan;
        this.hcl = hcl;
        this.resolver = resolver;
    }

    /** The same pipeline, reading .tf inputs with these variable values. */
    public Analyzer withVariables(List<Path> varFiles, List<String> assignments) {
        if (varFiles.isEmpty() && assignments.isEmpty()) {
            return this;
        }
        return new Analyzer(plan, hcl == null ? null : hcl.withVariables(varFiles, assignments), resolver);
    }

    /** The same pipeline with its front ends refusing input beyond {@code limits}. */
    public Analyzer withLimits(dev.roleplan.input.InputLimits limits) {
        return new Analyzer(plan.withLimits(limits), hcl == null ? null : hcl.withLimits(limits), resolver);
    }

    public record Analysis(Model model, List<Finding> findings) {
    }

    public Analysis analyze(List<String> paths, InputStream stdin, List<Rule> rules) {
        return analyze(paths, stdin, rules, java.util.function.UnaryOperator.identity());
    }

    /** @param enrich applied to the resolved model before the rules run (e.g. external roles from the configuration) */
    public Analysis analyze(List<String> paths, InputStream stdin, List<Rule> rules,
                            java.util.function.UnaryOperator<Model> enrich) {
        Model model = enrich.apply(resolve(paths, stdin));
        return new Analysis(model, new Engine(rules).run(model));
    }

    public Model resolve(List<String> paths, InputStream stdin) {
        List<Infrastructure> inputs = new ArrayList<>();
        for (String p : paths) {
            inputs.add(read(p, stdin));
        }
        return resolver.apply(inputs);
    }

    /** Detects the kind of input: "-" is a plan on stdin, a directory or a .tf file is HCL, any other file a plan. */
    public Infrastructure read(String path, InputStream stdin) {
        if (path.equals("-")) {
            return plan.read(stdin, "(stdin)");
        }
        Path file = Path.of(path);
        if (!Files.exists(file)) {
            if (Files.isSymbolicLink(file)) {
                throw new InputException(path, null, "is a symbolic link that leads nowhere (a loop, or its target is missing)");
            }
            throw new InputException(path, null, "no such file or directory");
        }
        boolean isHcl = Files.isDirectory(file) || path.endsWith(".tf") || path.endsWith(".tf.json");
        if (isHcl) {
            if (hcl == null) {
                throw new InputException(path, null, "reading Terraform .tf files is not available in this build; "
                        + "run `terraform show -json PLANFILE > plan.json` and check plan.json");
            }
            return hcl.read(file);
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException(path, null, "not a regular file");
        }
        return plan.read(file);
    }
}
