package dev.roleplan.engine;

import dev.roleplan.model.Model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

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
        List<List<Finding>> perRule = runAll(context);
        List<Finding> all = new ArrayList<>();
        perRule.forEach(all::addAll);
        // A rule may reach the same place twice (e.g. two attachments of one managed policy): keep one.
        Map<String, Finding> unique = new LinkedHashMap<>();
        all.stream().sorted(Finding.ORDER).forEach(f -> unique.putIfAbsent(f.fingerprint(), f));
        return List.copyOf(unique.values());
    }

    /**
     * Every rule's findings, in rule order. Rules are independent and share derived facts through the
     * context, so they run side by side on the machine's cores (a rule may split its own work further on the
     * same pool, as RP701 does per task definition); the order of the result does not depend on timing.
     */
    private List<List<Finding>> runAll(RuleContext context) {
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), MAX_THREADS);
        if (threads <= 1 || rules.size() <= 1) {
            List<List<Finding>> out = new ArrayList<>();
            for (Rule rule : rules) {
                out.add(context.findings(rule));
            }
            return out;
        }
        ForkJoinPool pool = new ForkJoinPool(threads, WORKERS, null, false);
        try {
            return pool.submit(() -> rules.parallelStream().map(context::findings).toList()).join();
        } finally {
            pool.shutdown();
        }
    }


    /** More threads than this buy nothing on the rule set's size; the bound keeps big machines polite. */
    private static final int MAX_THREADS = 4;

    private static final java.util.concurrent.atomic.AtomicInteger WORKER_NUMBER = new java.util.concurrent.atomic.AtomicInteger();

    /** Daemon workers: an analysis never keeps the JVM alive. */
    private static final ForkJoinPool.ForkJoinWorkerThreadFactory WORKERS = pool -> {
        ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        t.setDaemon(true);
        t.setName("roleplan-rules-" + WORKER_NUMBER.incrementAndGet());
        return t;
    };


    /**
     * A rule threw: an internal error (exit 4), named by rule so it can be reported and fixed. Raised by
     * {@link RuleContext#findings}, so a rule that builds on a failed one reports the failed one.
     */
    public static final class RuleFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String ruleId;

        public RuleFailure(String ruleId, RuntimeException cause) {
            super("rule " + ruleId + " failed: " + cause, cause);
            this.ruleId = ruleId;
        }

        public String ruleId() {
            return ruleId;
        }
    }
}
