package dev.roleplan.iam;

import java.util.regex.Pattern;

/**
 * A {@code Resource} / {@code NotResource} value of a policy, matched against concrete ARNs the way IAM
 * does:
 * <ul>
 *   <li>{@code *} alone matches every resource;</li>
 *   <li>otherwise the pattern and the ARN are split into their six fields; partition, service, region and
 *       account are matched field by field ({@code *} and {@code ?} do not cross a colon there), and the
 *       resource field as a whole, where {@code *} matches across {@code :} and {@code /}
 *       ({@code arn:aws:logs:*:*:log-group:/ecs/*} covers {@code log-group:/ecs/app:log-stream:x});</li>
 *   <li>a pattern with fewer than six fields is padded with {@code *} fields (identity policies accept
 *       {@code arn:aws:s3:::*} and also {@code arn:aws:s3}, meaning any S3 resource);</li>
 *   <li>matching is case-sensitive, as ARNs are;</li>
 *   <li>policy variables ({@code ${aws:username}}) and values unknown until apply (kept as {@code ${...}})
 *       make the match {@link Tri#UNKNOWN} when the pattern could match with some value, except the
 *       escapes {@code ${*}}, {@code ${?}} and {@code ${$}}, which stand for the literal character.</li>
 * </ul>
 */
public final class ArnPattern {
    private static final String[] ANY_FIELDS = {"*", "*", "*", "*", "*"};

    private final String text;
    private final boolean matchesAll;
    private final boolean isArn;
    /** partition, service, region, account, resource (padded with "*"). */
    private final String[] fields;
    private final boolean hasVariables;
    private volatile Pattern[] variableRegexes;

    private ArnPattern(String text) {
        this.text = text;
        this.matchesAll = text.equals("*");
        this.isArn = text.startsWith("arn:");
        this.hasVariables = text.contains("${");
        if (isArn) {
            String[] split = text.substring(4).split(":", 5);
            fields = ANY_FIELDS.clone();
            System.arraycopy(split, 0, fields, 0, split.length);
        } else {
            fields = null;
        }
    }

    public static ArnPattern of(String text) {
        return new ArnPattern(text);
    }

    public String text() {
        return text;
    }

    /** True for the pattern {@code *}. */
    public boolean matchesAll() {
        return matchesAll;
    }

    /** True if the pattern contains {@code ${...}} (policy variables or values unknown until apply). */
    public boolean hasVariables() {
        return hasVariables;
    }

    /**
     * Whether this pattern covers {@code resource}: a concrete ARN, or {@code *} for requests that name
     * no resource (wildcard-only actions), which only the pattern {@code *} covers.
     */
    public Tri matches(String resource) {
        if (matchesAll) {
            return Tri.YES;
        }
        if (!isArn) {
            // Not an ARN (a typo, or a value unknown until apply): compare as a whole.
            return hasVariables ? variableMatch(new String[] {text}, new String[] {resource}) : Tri.of(Wildcard.matches(text, resource));
        }
        if (!resource.startsWith("arn:")) {
            return Tri.NO;
        }
        String[] target = resource.substring(4).split(":", 5);
        if (target.length < 5) {
            return Tri.NO;
        }
        if (hasVariables) {
            return variableMatch(fields, target);
        }
        for (int i = 0; i < 4; i++) {
            if (fields[i].indexOf(':') >= 0 || !Wildcard.matches(fields[i], target[i])) {
                return Tri.NO;
            }
        }
        return Tri.of(Wildcard.matches(fields[4], target[4]));
    }

    private Tri variableMatch(String[] patternFields, String[] target) {
        Pattern[] regexes = variableRegexes;
        if (regexes == null) {
            regexes = new Pattern[patternFields.length];
            for (int i = 0; i < patternFields.length; i++) {
                regexes[i] = Pattern.compile(toRegex(patternFields[i], i == patternFields.length - 1));
            }
            variableRegexes = regexes;
        }
        for (int i = 0; i < regexes.length; i++) {
            if (!regexes[i].matcher(target[i]).matches()) {
                return Tri.NO;
            }
        }
        return hasUnresolvedVariable(text) ? Tri.UNKNOWN : Tri.YES;
    }

    private static boolean hasUnresolvedVariable(String s) {
        int i = s.indexOf("${");
        while (i >= 0) {
            int end = s.indexOf('}', i);
            if (end < 0) {
                return false;
            }
            String name = s.substring(i + 2, end);
            if (!name.equals("*") && !name.equals("?") && !name.equals("$")) {
                return true;
            }
            i = s.indexOf("${", end);
        }
        return false;
    }

    /** Regex for one field: wildcards, escapes, and unknown variables as "anything" (within the field unless last). */
    private static String toRegex(String field, boolean lastField) {
        String any = lastField ? ".*" : "[^:]*";
        String one = lastField ? "." : "[^:]";
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < field.length()) {
            char c = field.charAt(i);
            if (c == '$' && i + 1 < field.length() && field.charAt(i + 1) == '{' && field.indexOf('}', i) > 0) {
                int end = field.indexOf('}', i);
                String name = field.substring(i + 2, end);
                if (name.equals("*") || name.equals("?") || name.equals("$")) {
                    regex.append(Pattern.quote(name));
                } else {
                    regex.append(any);
                }
                i = end + 1;
            } else if (c == '*') {
                regex.append(any);
                i++;
            } else if (c == '?') {
                regex.append(one);
                i++;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return regex.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
