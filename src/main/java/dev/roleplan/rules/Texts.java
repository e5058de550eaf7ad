package dev.roleplan.rules;

import java.util.Collection;
import java.util.List;

/** Message helpers, so every rule names things the same compact way. */
public final class Texts {

    /** How many items a message lists before it says "and N more". */
    public static final int LIST_LIMIT = 5;

    private Texts() {
    }

    /** {@code a, b, c}, or {@code a, b, c, d, e and 7 more} when longer than {@link #LIST_LIMIT}. */
    public static String compact(Collection<String> items) {
        List<String> list = List.copyOf(items);
        if (list.size() <= LIST_LIMIT) {
            return String.join(", ", list);
        }
        return String.join(", ", list.subList(0, LIST_LIMIT)) + " and " + (list.size() - LIST_LIMIT) + " more";
    }

    /** {@code 1 action} / {@code 3 actions}. */
    public static String count(int n, String singular) {
        return n + " " + singular + (n == 1 ? "" : "s");
    }

    /** How a message names a statement: {@code Statement Sid of policy}. */
    public static String statement(PolicyStatement ps) {
        return "Statement " + ps.statement().label() + " of " + ps.policy().id();
    }
}
