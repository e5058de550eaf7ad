package dev.roleplan.iam;

/**
 * IAM wildcard matching: {@code *} matches any run of characters (colons and slashes included), {@code ?}
 * exactly one. Actions compare case-insensitively, ARNs case-sensitively; the caller says which.
 */
public final class Glob {

    private Glob() {
    }

    public static boolean matches(String pattern, String text, boolean ignoreCase) {
        // Iterative matcher with backtracking to the last star: linear in practice, no regex, no recursion.
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || same(pattern.charAt(p), text.charAt(t), ignoreCase))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /** Actions are case-insensitive. */
    public static boolean matchesAction(String pattern, String action) {
        return matches(pattern, action, true);
    }

    public static boolean hasWildcard(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        return a == b || (ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b));
    }
}
