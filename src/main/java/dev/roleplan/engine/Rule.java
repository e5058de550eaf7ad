package dev.roleplan.engine;

/**
 * One check over the resolved model. A rule sees only the model (through the context), never JSON or HCL,
 * and reports what it finds; the engine attaches its metadata. Rules hold no state between runs.
 */
public interface Rule {

    void check(RuleContext context, Reporter reporter);

    default RuleMeta meta() {
        return RuleMeta.of(getClass());
    }
}
