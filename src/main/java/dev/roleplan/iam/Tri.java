package dev.roleplan.iam;

/**
 * Three-valued match result: YES, NO, or UNKNOWN when the answer depends on something not known
 * statically (a Condition, a policy variable such as {@code ${aws:username}}, or a value unknown until
 * apply).
 */
public enum Tri {
    YES, NO, UNKNOWN;

    public static Tri of(boolean b) {
        return b ? YES : NO;
    }

    public Tri and(Tri other) {
        if (this == NO || other == NO) {
            return NO;
        }
        return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : YES;
    }

    public Tri or(Tri other) {
        if (this == YES || other == YES) {
            return YES;
        }
        return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : NO;
    }

    public Tri not() {
        return this == YES ? NO : this == NO ? YES : UNKNOWN;
    }
}
