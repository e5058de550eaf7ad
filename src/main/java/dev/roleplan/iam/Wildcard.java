package dev.roleplan.iam;

/**
 * IAM-style glob matching: {@code *} matches any run of characters (including none, and including
 * {@code :} and {@code /}), {@code ?} matches exactly one character, everything else matches itself.
 * Case-sensitive; callers lower-case both sides where IAM is case-insensitive (actions).
 */
public final class Wildcard {
    private Wildcard() {
    }

    public static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
    }

    /** Linear-time greedy matcher with single backtrack point (classic glob algorithm). */
    public static boolean matches(String pattern, String text) {
        return matches(pattern, text, false);
    }

    /**
     * As {@link #matches(String, String)}, but the pattern's letters match either case; {@code lowerText}
     * must already be lower case. Saves lower-casing every pattern for every action in hot loops.
     */
    public static boolean matchesLowerText(String pattern, String lowerText) {
        return matches(pattern, lowerText, true);
    }

    private static boolean matches(String pattern, String text, boolean lowerPattern) {
        int p = 0;
        int t = 0;
        int starP = -1;
        int starT = 0;
        int plen = pattern.length();
        int tlen = text.length();
        while (t < tlen) {
            if (p < plen) {
                char pc = pattern.charAt(p);
                if (lowerPattern && pc >= 'A' && pc <= 'Z') {
                    pc = (char) (pc + ('a' - 'A'));
                } else if (lowerPattern && pc > 127) {
                    pc = Character.toLowerCase(pc);
                }
                if (pc == '*') {
                    starP = p++;
                    starT = t;
                    continue;
                }
                if (pc == '?' || pc == text.charAt(t)) {
                    p++;
                    t++;
                    continue;
                }
            }
            if (starP < 0) {
                return false;
            }
            p = starP + 1;
            t = ++starT;
        }
        while (p < plen && pattern.charAt(p) == '*') {
            p++;
        }
        return p == plen;
    }
}
