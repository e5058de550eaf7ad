package dev.roleplan.cli;

import dev.roleplan.app.UsageException;
import dev.roleplan.input.InputLimits;
import picocli.CommandLine.Option;

/** {@code --max-input-size} and {@code --max-depth}: the same for every command that reads plans or .tf trees. */
final class InputLimitOptions {

    @Option(names = "--max-input-size", paramLabel = "SIZE",
            description = "Refuse a plan, or any file of a .tf tree (configuration, variable and module files, what "
                    + "file() and templatefile() read), larger than SIZE, e.g. 64m or 1g (default: 512m; also the longest "
                    + "JSON string accepted, at most 32m characters).")
    String maxInputSize;

    @Option(names = "--max-depth", paramLabel = "N",
            description = "Refuse JSON nested deeper than N levels (default: ${DEFAULT-VALUE}); at most 2000.",
            defaultValue = "" + InputLimits.DEFAULT_MAX_DEPTH)
    int maxDepth;

    /** The limits the options give; a usage error for values out of range. */
    InputLimits limits() {
        if (maxDepth < 1) {
            throw new UsageException("--max-depth " + maxDepth + ": expected a positive number of levels");
        }
        if (maxDepth > InputLimits.MAX_SUPPORTED_DEPTH) {
            throw new UsageException("--max-depth " + maxDepth + ": at most " + InputLimits.MAX_SUPPORTED_DEPTH
                    + " levels (deeper JSON would exhaust the stack)");
        }
        InputLimits limits = InputLimits.defaults().withMaxDepth(maxDepth);
        if (maxInputSize != null) {
            try {
                limits = limits.withMaxInputBytes(InputLimits.parseSize(maxInputSize));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--max-input-size " + maxInputSize + ": " + e.getMessage());
            }
        }
        return limits;
    }
}
