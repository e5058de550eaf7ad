package dev.roleplan.iam;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether two string patterns can match a common string, e.g. a policy's Resource pattern
 * {@code arn:aws:s3:::assets/*} and the ARN format of S3 buckets (they cannot: that is RP502's
 * "resource-type mismatch"). Both patterns are sequences of tokens: a literal character, one character
 * outside an excluded set, or any number of such characters. The search walks pairs of positions, so
 * it is polynomial in the pattern lengths.
 */
final class PatternOverlap {
    private PatternOverlap() {
    }

    /** One token: a literal, or a character class (all characters except {@code excluded}) once or repeated. */
    record Token(char literal, boolean isClass, String excluded, boolean repeat) {
        static Token literal(char c) {
            return new Token(c, false, "", false);
        }

        static Token anyExcept(String excluded, boolean repeat) {
            return new Token('\0', true, excluded, repeat);
        }

        boolean accepts(char c) {
            return isClass ? excluded.indexOf(c) < 0 : literal == c;
        }
    }

    /** True if some string is matched by both token sequences. */
    static boolean overlap(List<Token> a, List<Token> b) {
        int n = a.size();
        int m = b.size();
        Set<Long> seen = new HashSet<>();
        Deque<int[]> queue = new ArrayDeque<>();
        queue.add(new int[] {0, 0});
        while (!queue.isEmpty()) {
            int[] s = queue.poll();
            int i = s[0];
            int j = s[1];
            if (!seen.add(((long) i << 32) | j)) {
                continue;
            }
            if (i == n && j == m) {
                return true;
            }
            Token ta = i < n ? a.get(i) : null;
            Token tb = j < m ? b.get(j) : null;
            if (ta != null && ta.repeat()) {
                queue.add(new int[] {i + 1, j});
            }
            if (tb != null && tb.repeat()) {
                queue.add(new int[] {i, j + 1});
            }
            if (ta != null && tb != null && sameCharacterPossible(ta, tb)) {
                int ni = ta.repeat() ? i : i + 1;
                int nj = tb.repeat() ? j : j + 1;
                if (ni != i || nj != j) {
                    queue.add(new int[] {ni, nj});
                }
            }
        }
        return false;
    }

    private static boolean sameCharacterPossible(Token a, Token b) {
        if (!a.isClass()) {
            return b.accepts(a.literal());
        }
        if (!b.isClass()) {
            return a.accepts(b.literal());
        }
        return true; // two co-finite classes always share a character
    }

    /** Tokens for an IAM Resource pattern, with {@link ArnPattern}'s field rules. */
    static List<Token> ofResourcePattern(String pattern) {
        List<Token> out = new ArrayList<>();
        if (!pattern.startsWith("arn:")) {
            glob(pattern, "", out);
            return out;
        }
        String[] fields = pattern.substring(4).split(":", 5);
        for (char c : "arn:".toCharArray()) {
            out.add(Token.literal(c));
        }
        for (int f = 0; f < 5; f++) {
            String field = f < fields.length ? fields[f] : "*";
            glob(field, f < 4 ? ":" : "", out);
            if (f < 4) {
                out.add(Token.literal(':'));
            }
        }
        return out;
    }

    /** {@code *} / {@code ?} wildcards and {@code ${...}} (unknown, so anything) within one field. */
    private static void glob(String field, String excluded, List<Token> out) {
        int i = 0;
        while (i < field.length()) {
            char c = field.charAt(i);
            int end = c == '$' && field.startsWith("${", i) ? field.indexOf('}', i) : -1;
            if (end > 0) {
                String name = field.substring(i + 2, end);
                if (name.equals("*") || name.equals("?") || name.equals("$")) {
                    out.add(Token.literal(name.charAt(0)));
                } else {
                    out.add(Token.anyExcept(excluded, true));
                }
                i = end + 1;
                continue;
            }
            if (c == '*') {
                out.add(Token.anyExcept(excluded, true));
            } else if (c == '?') {
                out.add(Token.anyExcept(excluded, false));
            } else {
                out.add(Token.literal(c));
            }
            i++;
        }
    }
}
