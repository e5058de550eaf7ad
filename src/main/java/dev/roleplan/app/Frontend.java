package dev.roleplan.app;

import dev.roleplan.model.Infrastructure;

import java.io.InputStream;
import java.nio.file.Path;

/** Reads one kind of input into the neutral {@link Infrastructure}. Throws InputException when it cannot. */
public interface Frontend {

    Infrastructure read(Path path);

    Infrastructure read(InputStream in, String displayName);

    /**
     * This front end with Terraform variable values from the command line ({@code --var-file},
     * {@code --var NAME=VALUE}); a front end without variables (plans) returns itself.
     */
    default Frontend withVariables(java.util.List<Path> varFiles, java.util.List<String> assignments) {
        return this;
    }

    /** This front end refusing input beyond the limits; a front end without limits of its own returns itself. */
    default Frontend withLimits(dev.roleplan.input.InputLimits limits) {
        return this;
    }
}
