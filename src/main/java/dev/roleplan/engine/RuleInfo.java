package dev.roleplan.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's metadata, declared once at the top of its class. The rule's name is its class name in
 * kebab-case ({@code SameTaskAndExecutionRole} → {@code same-task-and-execution-role}); its doc page is
 * {@code docs/rules/ID.md}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {

    /** Stable id, {@code RPnnn}. */
    String id();

    /** Default severity. */
    Severity severity();

    /** One line, no trailing period: what the rule catches. */
    String summary();

    /** Why it matters and how to fix it, a few sentences; shown by {@code roleplan rules ID} and in SARIF. */
    String description();
}
