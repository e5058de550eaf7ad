package dev.roleplan.engine;

import dev.roleplan.model.Model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs rules over a model and returns their findings in the one deterministic order. */
public final class Engine {

    private final List<Rule> rules;

    public Engine(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<Finding> run(Model model) {
        RuleContext context = new RuleContext(model);
        List<Finding> all = new ArrayList<>();
        for (Rule rule : rules) {
            Reporter reporter = new Reporter(rule.meta());
            try {
                rule.check(context, reporter);
            } catch (RuntimeException e) {
                throw new RuleFailure(rule.meta().id(), e);
            }
            all.addAll(reporter.findings());
        }
        // A rule may reach the same place twice (e.g. two attachments of one managed policy): keep one.
        Map<String, Finding> unique = new LinkedHashMap<>();
        all.stream().sorted(Finding.ORDER).forEach(f -> unique.putIfAbsent(f.fingerprint(), f));
        return List.copyOf(unique.values());
    }

    /** A rule threw: an internal error (exit 4), named by rule so it can be reported and fixed. */
    public static final class RuleFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public RuleFailure(String ruleId, RuntimeException cause) {
            super("rule " + ruleId + " failed: " + cause, cause);
        }
    }
}
