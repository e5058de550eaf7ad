package dev.roleplan.iam;

/** Outcome of evaluating a request against identity policies (and a permissions boundary). */
public enum Decision {
    /** an Allow applies unconditionally and no Deny can apply */
    ALLOWED,
    /** an unconditional Deny applies */
    DENIED_EXPLICIT,
    /** nothing allows the request (or the boundary does not) */
    DENIED_IMPLICIT,
    /** allowed only if conditions, policy variables or values unknown until apply work out */
    CONDITIONAL;

    /** {@code allowed}, {@code denied} or {@code conditional}, as the CLI prints it. */
    public String word() {
        return switch (this) {
            case ALLOWED -> "allowed";
            case DENIED_EXPLICIT, DENIED_IMPLICIT -> "denied";
            case CONDITIONAL -> "conditional";
        };
    }
}
