package dev.roleplan.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An ARN format from the Service Authorization Reference, such as
 * {@code arn:${Partition}:s3:::${BucketName}/${ObjectName}}, and the test whether a concrete ARN has
 * that shape.
 *
 * <p>How placeholders match (the reference does not define it, so this is roleplan's reading):
 * {@code ${Partition}}, {@code ${Region}} and {@code ${Account}} match within their colon-separated
 * field; {@code ${BucketName}} matches a name without {@code /} (S3 bucket names cannot contain one, and
 * without this every object ARN would also be a bucket ARN); every other placeholder matches one or more
 * characters of any kind, because names such as log groups, ECR repositories and secrets may contain
 * {@code /}. A literal {@code *} in a format (some services publish {@code .../agreement/*}) matches
 * anything. Matching is case-sensitive, as ARNs are.
 */
public final class ArnFormat {
    private static final Set<String> FIELD_PLACEHOLDERS = Set.of("Partition", "Region", "Account");
    private static final Set<String> NO_SLASH_PLACEHOLDERS = Set.of("BucketName");

    private final String format;
    private volatile Pattern pattern;
    private volatile List<PatternOverlap.Token> tokens;

    public ArnFormat(String format) {
        this.format = format;
    }

    public String format() {
        return format;
    }

    /** True if {@code arn} (a concrete ARN, no wildcards interpreted) has this format's shape. */
    public boolean matches(String arn) {
        return compiled().matcher(arn).matches();
    }

    /**
     * True if some ARN of this format could be matched by the policy Resource pattern {@code resourcePattern}
     * (with {@code *}, {@code ?} and {@code ${...}} as in {@link ArnPattern}). False means the pattern can
     * never name a resource of this type, e.g. {@code arn:aws:s3:::assets/*} and the bucket format.
     */
    public boolean overlaps(String resourcePattern) {
        if (resourcePattern.equals("*")) {
            return true;
        }
        List<PatternOverlap.Token> mine = tokens;
        if (mine == null) {
            mine = toTokens(format);
            tokens = mine;
        }
        return PatternOverlap.overlap(mine, PatternOverlap.ofResourcePattern(resourcePattern));
    }

    /** The same placeholder reading as {@link #toRegex}, as overlap tokens. */
    static List<PatternOverlap.Token> toTokens(String format) {
        List<PatternOverlap.Token> out = new ArrayList<>();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            int end = c == '$' ? format.indexOf('}', i) : -1;
            if (c == '$' && i + 1 < format.length() && format.charAt(i + 1) == '{' && end > 0) {
                String name = format.substring(i + 2, end);
                if (FIELD_PLACEHOLDERS.contains(name)) {
                    if (name.equals("Partition")) {
                        out.add(PatternOverlap.Token.anyExcept(":", false));
                    }
                    out.add(PatternOverlap.Token.anyExcept(":", true));
                } else if (NO_SLASH_PLACEHOLDERS.contains(name)) {
                    out.add(PatternOverlap.Token.anyExcept(":/", false));
                    out.add(PatternOverlap.Token.anyExcept(":/", true));
                } else {
                    out.add(PatternOverlap.Token.anyExcept("", false));
                    out.add(PatternOverlap.Token.anyExcept("", true));
                }
                i = end + 1;
            } else if (c == '*') {
                out.add(PatternOverlap.Token.anyExcept("", true));
                i++;
            } else {
                out.add(PatternOverlap.Token.literal(c));
                i++;
            }
        }
        return out;
    }

    private Pattern compiled() {
        Pattern p = pattern;
        if (p == null) {
            // Compiled on first use: the catalog has ~2,300 formats and most runs touch a handful.
            p = Pattern.compile(toRegex(format));
            pattern = p;
        }
        return p;
    }

    static String toRegex(String format) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            int end = c == '$' ? format.indexOf('}', i) : -1;
            if (c == '$' && i + 1 < format.length() && format.charAt(i + 1) == '{' && end > 0) {
                String name = format.substring(i + 2, end);
                if (FIELD_PLACEHOLDERS.contains(name)) {
                    regex.append(name.equals("Partition") ? "[^:]+" : "[^:]*");
                } else if (NO_SLASH_PLACEHOLDERS.contains(name)) {
                    regex.append("[^:/]+");
                } else {
                    regex.append(".+");
                }
                i = end + 1;
            } else if (c == '*') {
                regex.append(".*");
                i++;
            } else {
                if ("\\.[]{}()<>+-=!?^$|&".indexOf(c) >= 0) {
                    regex.append('\\');
                }
                regex.append(c);
                i++;
            }
        }
        return regex.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArnFormat other && other.format.equals(format);
    }

    @Override
    public int hashCode() {
        return format.hashCode();
    }

    @Override
    public String toString() {
        return format;
    }
}
