package dev.roleplan.input;

import java.util.Locale;

/**
 * How much input roleplan accepts, so that hostile input is refused with a message instead of exhausting memory
 * or the stack. The defaults are far above any real plan (the largest plan in the corpus is a few MB).
 *
 * @param maxInputBytes   a larger file or standard input is refused
 * @param maxDepth        JSON nested deeper than this is refused
 * @param maxStringLength a longer JSON string is refused (characters)
 */
public record InputLimits(long maxInputBytes, int maxDepth, int maxStringLength) {

    public static final long DEFAULT_MAX_INPUT_BYTES = 512L * 1024 * 1024;
    public static final int DEFAULT_MAX_DEPTH = 1000;
    /**
     * The deepest nesting a limit may allow: values are converted and walked recursively, and JSON nested
     * 4,000 levels overflowed the stack of a run allowed that deep (2,000 levels run with the JVM's default stack).
     */
    public static final int MAX_SUPPORTED_DEPTH = 2000;
    public static final int DEFAULT_MAX_STRING_LENGTH = 32 * 1024 * 1024;

    public InputLimits {
        if (maxInputBytes < 1 || maxDepth < 1 || maxStringLength < 1) {
            throw new IllegalArgumentException("input limits must be positive");
        }
    }

    public static InputLimits defaults() {
        return new InputLimits(DEFAULT_MAX_INPUT_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_STRING_LENGTH);
    }

    public InputLimits withMaxInputBytes(long bytes) {
        return new InputLimits(bytes, maxDepth, Math.toIntExact(Math.min(maxStringLength, Math.max(1, bytes))));
    }

    public InputLimits withMaxDepth(int depth) {
        return new InputLimits(maxInputBytes, depth, maxStringLength);
    }

    /** Parses a size such as {@code 1048576}, {@code 64k}, {@code 512m} or {@code 1g} (binary multiples). */
    public static long parseSize(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("b")) {
            t = t.substring(0, t.length() - 1);
        }
        long unit = 1;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'k' -> unit = 1024L;
                case 'm' -> unit = 1024L * 1024;
                case 'g' -> unit = 1024L * 1024 * 1024;
                default -> unit = 1;
            }
        }
        if (unit != 1) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.isEmpty() || !t.chars().allMatch(Character::isDigit) || t.length() > 12) {
            throw new IllegalArgumentException("expected a size such as 1048576, 64k, 512m or 1g");
        }
        long value;
        try {
            value = Math.multiplyExact(Long.parseLong(t), unit);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("expected a size such as 1048576, 64k, 512m or 1g");
        }
        if (value < 1) {
            throw new IllegalArgumentException("expected at least 1 byte");
        }
        return value;
    }

    /**
     * Why an input over {@code maxInputBytes} is refused, in the words every front end uses: with its size, or
     * without (size -1) when it was counted while read (standard input, a file that grew).
     */
    public static String tooLarge(long size, long maxInputBytes) {
        return "refused: " + (size < 0 ? "" : size + " bytes is ") + "larger than the maximum input size of "
                + formatSize(maxInputBytes) + " (--max-input-size)";
    }

    /** The size as the user would write it back, e.g. 512m. */
    public static String formatSize(long bytes) {
        if (bytes % (1024L * 1024 * 1024) == 0) {
            return bytes / (1024L * 1024 * 1024) + "g";
        }
        if (bytes % (1024L * 1024) == 0) {
            return bytes / (1024L * 1024) + "m";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + "k";
        }
        return bytes + " bytes";
    }
}
