package dev.roleplan.iam;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Exact set questions over IAM resource patterns: "is there an ARN that pattern A matches, that no
 * pattern of B matches, and that a Deny pattern D does not match?" Each pattern is a small automaton with
 * the semantics of {@link ArnPattern}: {@code *} and {@code ?} stay within a colon-separated field in the
 * partition, service, region and account of an ARN and cross colons and slashes in the resource part; a
 * pattern with fewer than six fields is padded with {@code *} fields; a non-ARN pattern is a glob over the
 * whole string. The patterns are run in parallel over every string (a product automaton, explored breadth
 * first), and a boolean formula over which patterns accept decides; the alphabet is every literal
 * character of the patterns plus ':' plus one stand-in for "any other character", which is exact because
 * all other characters behave alike in every pattern.
 *
 * <p>A policy variable or a value unknown until apply ({@code ${...}}) is one opaque symbol: it matches the
 * same {@code ${...}} text, and {@code *} covers it; nothing else does. So {@code ${aws:username}/*} is
 * covered by {@code *} and by itself, not by {@code alice/*} (that depends on who calls: treated as not
 * covered, which reports more new access, never less). The escapes {@code ${*}}, {@code ${?}} and
 * {@code ${$}} are the literal characters.
 *
 * <p>The exploration is bounded ({@link #MAX_STATES}); past the bound {@link #exists} answers
 * {@link Tri#UNKNOWN} and callers decide conservatively.
 */
final class ResourceGlobs {

    static final int MAX_STATES = 50_000;

    private static final int LIT = 0;
    private static final int ONE = 1;
    private static final int ONE_NC = 2;
    private static final int STAR = 3;
    private static final int STAR_NC = 4;
    private static final int VAR = 5;

    /** Symbols: characters are themselves; OTHER and variables are negative. */
    private static final int OTHER = -1;

    /** One compiled pattern: token kinds and their character (LIT) or variable id (VAR). */
    record Glob(String text, int[] kinds, int[] values) {
    }

    private final List<String> variables = new ArrayList<>();

    /** Compiles a Resource value the way {@link ArnPattern} reads it. */
    Glob compile(String pattern) {
        List<int[]> tokens = new ArrayList<>();
        if (pattern.startsWith("arn:")) {
            String[] split = pattern.substring(4).split(":", 5);
            String[] fields = {"*", "*", "*", "*", "*"};
            System.arraycopy(split, 0, fields, 0, split.length);
            for (char c : "arn:".toCharArray()) {
                tokens.add(new int[] {LIT, c});
            }
            for (int i = 0; i < 5; i++) {
                tokenize(fields[i], i < 4, tokens);
                if (i < 4) {
                    tokens.add(new int[] {LIT, ':'});
                }
            }
        } else {
            tokenize(pattern, false, tokens);
        }
        int[] kinds = new int[tokens.size()];
        int[] values = new int[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            kinds[i] = tokens.get(i)[0];
            values[i] = tokens.get(i)[1];
        }
        return new Glob(pattern, kinds, values);
    }

    /** Any ARN at all: what a request for a resource-level action names. */
    Glob anyArn() {
        return compile("arn:*:*:*:*:*");
    }

    private void tokenize(String field, boolean withinField, List<int[]> out) {
        int i = 0;
        while (i < field.length()) {
            char c = field.charAt(i);
            int end = c == '$' && i + 1 < field.length() && field.charAt(i + 1) == '{' ? field.indexOf('}', i) : -1;
            if (end > 0) {
                String name = field.substring(i + 2, end);
                if (name.equals("*") || name.equals("?") || name.equals("$")) {
                    out.add(new int[] {LIT, name.charAt(0)});
                } else {
                    String text = field.substring(i, end + 1);
                    int id = variables.indexOf(text);
                    if (id < 0) {
                        variables.add(text);
                        id = variables.size() - 1;
                    }
                    out.add(new int[] {VAR, id});
                }
                i = end + 1;
            } else if (c == '*') {
                out.add(new int[] {withinField ? STAR_NC : STAR, 0});
                i++;
            } else if (c == '?') {
                out.add(new int[] {withinField ? ONE_NC : ONE, 0});
                i++;
            } else {
                out.add(new int[] {LIT, c});
                i++;
            }
        }
    }

    /**
     * Whether some string makes {@code formula} true, given for each glob whether it matches the string.
     * {@link Tri#UNKNOWN} when the exploration exceeded its bound.
     */
    Tri exists(List<Glob> globs, Predicate<boolean[]> formula) {
        // Most questions have an obvious witness: a string one of the patterns itself spells (its stars matching
        // nothing, each '?' one other character). Trying those first spares the exploration, and its garbage,
        // for the many "is this granted pattern new against nothing" questions of a comparison.
        for (Glob g : globs) {
            if (formula.test(accepting(globs, run(globs, shortestWord(g))))) {
                return Tri.YES;
            }
        }
        return explore(globs, formula);
    }

    /** The exact answer by breadth-first exploration of the product automaton (no witness tried first). */
    Tri explore(List<Glob> globs, Predicate<boolean[]> formula) {
        int[] alphabet = alphabet(globs);
        BitSet[] start = new BitSet[globs.size()];
        for (int g = 0; g < globs.size(); g++) {
            BitSet s = new BitSet();
            s.set(0);
            start[g] = closure(globs.get(g), s);
        }
        Set<List<BitSet>> seen = new HashSet<>();
        Deque<BitSet[]> queue = new ArrayDeque<>();
        seen.add(Arrays.asList(start));
        queue.add(start);
        while (!queue.isEmpty()) {
            BitSet[] state = queue.poll();
            if (formula.test(accepting(globs, state))) {
                return Tri.YES;
            }
            for (int symbol : alphabet) {
                BitSet[] next = new BitSet[globs.size()];
                for (int g = 0; g < globs.size(); g++) {
                    next[g] = step(globs.get(g), state[g], symbol);
                }
                if (seen.add(Arrays.asList(next))) {
                    if (seen.size() > MAX_STATES) {
                        return Tri.UNKNOWN;
                    }
                    queue.add(next);
                }
            }
        }
        return Tri.NO;
    }

    /** Evaluates the formula on one concrete string (e.g. the {@code "*"} of a wildcard-only request). */
    boolean holds(List<Glob> globs, String text, Predicate<boolean[]> formula) {
        return formula.test(accepting(globs, run(globs, text.chars().toArray())));
    }

    /** The symbols of the shortest string the glob accepts: literals and variables as written, stars as nothing. */
    private static int[] shortestWord(Glob glob) {
        int[] out = new int[glob.kinds().length];
        int n = 0;
        for (int i = 0; i < glob.kinds().length; i++) {
            switch (glob.kinds()[i]) {
                case LIT -> out[n++] = glob.values()[i];
                case ONE, ONE_NC -> out[n++] = OTHER;
                case VAR -> out[n++] = -2 - glob.values()[i];
                default -> {
                    // STAR, STAR_NC: match nothing
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Each glob's states after reading the symbols. */
    private static BitSet[] run(List<Glob> globs, int[] symbols) {
        BitSet[] state = new BitSet[globs.size()];
        for (int g = 0; g < globs.size(); g++) {
            BitSet s = new BitSet();
            s.set(0);
            state[g] = closure(globs.get(g), s);
            for (int symbol : symbols) {
                state[g] = step(globs.get(g), state[g], symbol);
            }
        }
        return state;
    }

    private int[] alphabet(List<Glob> globs) {
        Set<Integer> symbols = new TreeSet<>();
        symbols.add((int) ':');
        symbols.add(OTHER);
        for (Glob g : globs) {
            for (int i = 0; i < g.kinds().length; i++) {
                if (g.kinds()[i] == LIT) {
                    symbols.add(g.values()[i]);
                } else if (g.kinds()[i] == VAR) {
                    symbols.add(-2 - g.values()[i]);
                }
            }
        }
        return symbols.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean[] accepting(List<Glob> globs, BitSet[] state) {
        boolean[] out = new boolean[globs.size()];
        for (int g = 0; g < globs.size(); g++) {
            out[g] = state[g].get(globs.get(g).kinds().length);
        }
        return out;
    }

    private static BitSet step(Glob glob, BitSet from, int symbol) {
        BitSet to = new BitSet();
        int n = glob.kinds().length;
        for (int i = from.nextSetBit(0); i >= 0 && i < n; i = from.nextSetBit(i + 1)) {
            int kind = glob.kinds()[i];
            boolean isChar = symbol >= 0 || symbol == OTHER;
            switch (kind) {
                case LIT -> {
                    if (symbol == glob.values()[i]) {
                        to.set(i + 1);
                    }
                }
                case ONE -> {
                    if (isChar) {
                        to.set(i + 1);
                    }
                }
                case ONE_NC -> {
                    if (isChar && symbol != ':') {
                        to.set(i + 1);
                    }
                }
                case STAR -> to.set(i);
                case STAR_NC -> {
                    if (symbol != ':') {
                        to.set(i);
                    }
                }
                case VAR -> {
                    if (symbol == -2 - glob.values()[i]) {
                        to.set(i + 1);
                    }
                }
                default -> throw new IllegalStateException("token kind " + kind);
            }
        }
        return closure(glob, to);
    }

    /** A star may match nothing: being before it is also being after it. */
    private static BitSet closure(Glob glob, BitSet states) {
        int n = glob.kinds().length;
        for (int i = states.nextSetBit(0); i >= 0 && i < n; i = states.nextSetBit(i + 1)) {
            if (glob.kinds()[i] == STAR || glob.kinds()[i] == STAR_NC) {
                states.set(i + 1);
            }
        }
        return states;
    }
}
