package dev.roleplan.model;

import java.util.List;

/**
 * One input as the user gave it. {@code kind} is "plan" or "hcl"; versions are null when the input has none.
 * {@code directives} are the input's {@code roleplan:} comments (HCL only; a plan has no comments), which the
 * command line turns into inline suppressions.
 */
public record InputInfo(String path, String kind, String terraformVersion, String formatVersion,
                        List<SourceComment> directives) {

    public InputInfo {
        directives = List.copyOf(directives);
    }

    public InputInfo(String path, String kind, String terraformVersion, String formatVersion) {
        this(path, kind, terraformVersion, formatVersion, List.of());
    }
}
