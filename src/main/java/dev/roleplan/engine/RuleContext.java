package dev.roleplan.engine;

import dev.roleplan.model.Model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a rule sees: the model, and a per-run cache for derived facts that several rules need (effective
 * permissions, container requirements), so each is computed once however many rules ask.
 */
public final class RuleContext {

    private final Model model;
    private final Map<Object, Object> cache = new ConcurrentHashMap<>();

    public RuleContext(Model model) {
        this.model = model;
    }

    public Model model() {
        return model;
    }

    /**
     * The cached value for {@code key}, computing it on first use. Keys should be records or other values
     * with equality (e.g. a record naming the fact and the role address).
     */
    @SuppressWarnings("unchecked")
    public <K, V> V cached(K key, Function<K, V> compute) {
        Object hit = cache.get(key);
        if (hit != null) {
            return (V) hit;
        }
        V value = compute.apply(key);
        Object prev = cache.putIfAbsent(key, value);
        return prev != null ? (V) prev : value;
    }
}
