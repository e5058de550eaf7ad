package dev.roleplan.engine;

/**
 * A {@link RuleContext#cached} key for one fact about one object of the model, the object compared by
 * reference: model records can be large, and hashing or comparing their contents for every lookup would
 * cost more than the fact. Two facts about the same object differ by name.
 *
 * @param fact what is cached, e.g. {@code "effective-permissions"}
 * @param of   the object it is about, compared by identity
 */
public record FactKey(String fact, Object of) {

    @Override
    public boolean equals(Object o) {
        return o instanceof FactKey k && k.of == of && k.fact.equals(fact);
    }

    @Override
    public int hashCode() {
        return 31 * System.identityHashCode(of) + fact.hashCode();
    }
}
