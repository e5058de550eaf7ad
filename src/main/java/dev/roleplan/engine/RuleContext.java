package dev.roleplan.engine;

import dev.roleplan.model.Model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * What a rule sees: the model, and a per-run cache for derived facts that several rules need (effective
 * permissions, container requirements, another rule's findings), so each is computed once however many rules
 * ask, even when rules run on several threads at once.
 */
public final class RuleContext {

    private final Model model;
    private final Map<Object, CompletableFuture<Object>> cache = new ConcurrentHashMap<>();

    public RuleContext(Model model) {
        this.model = model;
    }

    public Model model() {
        return model;
    }

    /**
     * The cached value for {@code key}, computing it on first use. Keys should be records or other values
     * with equality (e.g. a record naming the fact and the role address). A second caller asking while the
     * first computes waits for its result instead of computing it again. Computations may ask for other keys,
     * never (directly or not) for their own.
     */
    @SuppressWarnings("unchecked")
    public <K, V> V cached(K key, Function<K, V> compute) {
        CompletableFuture<Object> known = cache.get(key);
        if (known != null) {
            return (V) join(known); // the common case: no future made for a fact already there
        }
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> theirs = cache.putIfAbsent(key, mine);
        if (theirs != null) {
            return (V) join(theirs);
        }
        try {
            V value = compute.apply(key);
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static Object join(CompletableFuture<Object> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a cached fact", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Cache key of one rule's findings. */
    private record FindingsOf(String ruleId, Class<?> ruleClass) {

        // Written out as the record would generate them (same hash): decision 0012.
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof FindingsOf that
                    && Objects.equals(ruleId, that.ruleId)
                    && Objects.equals(ruleClass, that.ruleClass);
        }

        @Override
        public int hashCode() {
            int h = 0;
            h = 31 * h + Objects.hashCode(ruleId);
            h = 31 * h + Objects.hashCode(ruleClass);
            return h;
        }
    }

    /**
     * What {@code rule} reports on this model, computed once: the engine and any rule that builds on another's
     * findings (RP701 takes its severity from RP3xx/RP4xx) share one run of it.
     */
    public List<Finding> findings(Rule rule) {
        return cached(new FindingsOf(rule.meta().id(), rule.getClass()), k -> {
            Reporter reporter = new Reporter(rule.meta());
            try {
                rule.check(this, reporter);
            } catch (Engine.RuleFailure e) {
                throw e; // a rule this one builds on failed: that rule is named, not this one
            } catch (RuntimeException e) {
                // named here, before it is cached: a rule that asks for these findings (RP701) gets this failure
                throw new Engine.RuleFailure(rule.meta().id(), e);
            }
            return reporter.findings();
        });
    }
}
