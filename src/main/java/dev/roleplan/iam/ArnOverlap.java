package dev.roleplan.iam;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a policy's resource pattern (with {@code *}, {@code ?} and {@code ${...}}) can match any ARN of a
 * resource type's {@link ArnFormat}: the two glob-like languages have a common word. Used to tell that
 * {@code arn:aws:s3:::bucket} can never name an S3 object while {@code arn:aws:s3:::*personal*} can.
 *
 * <p>Fields are compared as {@link ArnPattern} matches them: partition, service, region and account one by
 * one, the resource part as a whole. Placeholders follow {@link ArnFormat}'s reading ({@code ${BucketName}}
 * has no {@code /}; other names are one or more characters). Policy variables and values unknown until apply
 * count as "anything", so they never cause a mismatch.
 */
public final class ArnOverlap {

    private ArnOverlap() {
    }

    /** Character classes: which of ':' and '/' a token may produce. */
    private static final int ANY = 0;
    private static final int NO_COLON = 1;
    private static final int NO_SLASH = 2;

    private enum Kind { LITERAL, ONE, STAR }

    private record Token(Kind kind, char literal, int forbidden) {
        boolean allows(char c) {
            return !((forbidden & NO_COLON) != 0 && c == ':') && !((forbidden & NO_SLASH) != 0 && c == '/');
        }
    }

    /** True if some concrete ARN matches both {@code policyPattern} and {@code format}. */
    public static boolean overlaps(String policyPattern, ArnFormat format) {
        if (policyPattern.equals("*")) {
            return true;
        }
        if (!policyPattern.startsWith("arn:") || !format.format().startsWith("arn:")) {
            return false;
        }
        String[] p = fields(policyPattern.substring(4));
        String[] f = fields(format.format().substring(4));
        for (int i = 0; i < 5; i++) {
            if (!intersect(policyTokens(p[i]), formatTokens(f[i], i < 4))) {
                return false;
            }
        }
        return true;
    }

    /** partition, service, region, account, resource; missing fields are "*". */
    private static String[] fields(String afterArn) {
        String[] out = {"*", "*", "*", "*", "*"};
        String[] split = afterArn.split(":", 5);
        System.arraycopy(split, 0, out, 0, split.length);
        return out;
    }

    private static List<Token> policyTokens(String field) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < field.length()) {
            char c = field.charAt(i);
            int end = field.indexOf('}', i);
            if (c == '$' && i + 1 < field.length() && field.charAt(i + 1) == '{' && end > 0) {
                String name = field.substring(i + 2, end);
                if (name.equals("*") || name.equals("?") || name.equals("$")) {
                    out.add(new Token(Kind.LITERAL, name.charAt(0), ANY));
                } else {
                    out.add(new Token(Kind.STAR, ' ', ANY));
                }
                i = end + 1;
            } else {
                out.add(c == '*' ? new Token(Kind.STAR, ' ', ANY) : c == '?' ? new Token(Kind.ONE, ' ', ANY)
                        : new Token(Kind.LITERAL, c, ANY));
                i++;
            }
        }
        return out;
    }

    private static List<Token> formatTokens(String field, boolean fieldPart) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < field.length()) {
            char c = field.charAt(i);
            int end = field.indexOf('}', i);
            if (c == '$' && i + 1 < field.length() && field.charAt(i + 1) == '{' && end > 0) {
                String name = field.substring(i + 2, end);
                int forbidden = fieldPart ? NO_COLON : name.equals("BucketName") ? NO_SLASH | NO_COLON : ANY;
                if (!name.equals("Region") && !name.equals("Account")) {
                    out.add(new Token(Kind.ONE, ' ', forbidden));
                }
                out.add(new Token(Kind.STAR, ' ', forbidden));
                i = end + 1;
            } else {
                out.add(c == '*' ? new Token(Kind.STAR, ' ', ANY) : new Token(Kind.LITERAL, c, ANY));
                i++;
            }
        }
        return out;
    }

    /** Non-empty intersection of two token sequences (memoised search over positions). */
    private static boolean intersect(List<Token> a, List<Token> b) {
        byte[][] memo = new byte[a.size() + 1][b.size() + 1];
        return search(a, b, 0, 0, memo);
    }

    private static boolean search(List<Token> a, List<Token> b, int i, int j, byte[][] memo) {
        if (memo[i][j] != 0) {
            return memo[i][j] == 1;
        }
        memo[i][j] = 2; // provisional "no": cycles cannot occur (every step advances i or j), it is just the default
        boolean result;
        if (i == a.size() && j == b.size()) {
            result = true;
        } else if (i < a.size() && a.get(i).kind() == Kind.STAR && search(a, b, i + 1, j, memo)) {
            result = true;
        } else if (j < b.size() && b.get(j).kind() == Kind.STAR && search(a, b, i, j + 1, memo)) {
            result = true;
        } else if (i == a.size() || j == b.size()) {
            result = false;
        } else {
            Token x = a.get(i);
            Token y = b.get(j);
            if (x.kind() == Kind.STAR && y.kind() == Kind.STAR) {
                result = false; // both skips were tried above; a shared character can always be dropped
            } else if (x.kind() == Kind.STAR) {
                result = consumable(x, y) && search(a, b, i, j + 1, memo);
            } else if (y.kind() == Kind.STAR) {
                result = consumable(y, x) && search(a, b, i + 1, j, memo);
            } else {
                result = compatible(x, y) && search(a, b, i + 1, j + 1, memo);
            }
        }
        memo[i][j] = (byte) (result ? 1 : 2);
        return result;
    }

    /** A star can produce the single character the other token stands for. */
    private static boolean consumable(Token star, Token single) {
        return single.kind() != Kind.LITERAL || star.allows(single.literal());
    }

    private static boolean compatible(Token x, Token y) {
        if (x.kind() == Kind.LITERAL && y.kind() == Kind.LITERAL) {
            return x.literal() == y.literal();
        }
        if (x.kind() == Kind.LITERAL) {
            return y.allows(x.literal());
        }
        if (y.kind() == Kind.LITERAL) {
            return x.allows(y.literal());
        }
        return true;
    }
}
