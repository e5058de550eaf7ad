package dev.roleplan.engine;

import java.util.Locale;

/**
 * Why a finding is accepted rather than fixed. A suppressed finding stays in the JSON and SARIF output (so
 * the acceptance is reviewable) but never counts toward the gate or the headline counts.
 *
 * @param reason why it is accepted, as the person who accepted it wrote it
 * @param until  the last day the acceptance holds (ISO date), or null for no expiry
 * @param source where it was declared: {@link Source#CONFIG}, {@link Source#INLINE}, {@link Source#BASELINE}
 * @param origin where exactly, for humans: the config file and entry, the comment's file and line, or the
 *               baseline file
 */
public record Suppression(String reason, String until, Source source, String origin) {

    public enum Source {
        /** a {@code suppressions} entry of {@code .roleplan.yml} */
        CONFIG,
        /** a {@code # roleplan:ignore} comment in the .tf files */
        INLINE,
        /** the finding's fingerprint is in the {@code --baseline} file */
        BASELINE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
