package dev.roleplan.iam;

import java.util.Optional;

/**
 * A concrete ARN, {@code arn:partition:service:region:account:resource}. The resource part is everything
 * after the fifth colon and may itself contain colons and slashes
 * ({@code log-group:/ecs/app:log-stream:web/1}).
 */
public record Arn(String partition, String service, String region, String account, String resource) {

    /** Parses {@code text}, or empty if it is not an ARN (too few fields, no {@code arn:} prefix, empty service). */
    public static Optional<Arn> tryParse(String text) {
        if (text == null || !text.startsWith("arn:")) {
            return Optional.empty();
        }
        String[] f = text.split(":", 6);
        if (f.length < 6 || f[1].isEmpty() || f[2].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Arn(f[1], f[2], f[3], f[4], f[5]));
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException saying what is wrong, if it is not an ARN
     */
    public static Arn parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException(describeProblem(text)));
    }

    private static String describeProblem(String text) {
        if (text == null) {
            return "no ARN given";
        }
        if (!text.startsWith("arn:")) {
            return "\"" + text + "\" is not an ARN: it must start with \"arn:\"";
        }
        String[] f = text.split(":", 6);
        if (f.length < 6) {
            return "\"" + text + "\" is not an ARN: it needs six colon-separated fields"
                    + " (arn:partition:service:region:account:resource), it has " + f.length;
        }
        return "\"" + text + "\" is not an ARN: the " + (f[1].isEmpty() ? "partition" : "service") + " is empty";
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }
}
