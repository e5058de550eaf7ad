package dev.roleplan.input.hcl;

import java.util.Map;

/**
 * An object whose attributes are evaluated only when asked for: {@code var}, {@code local}, a module's
 * outputs, a resource instance. Evaluating everything eagerly would evaluate what nobody refers to and
 * turn harmless cycles into errors.
 */
interface LazyObject {

    /** The attribute's value; an {@link Unknown} saying why when there is no such attribute. */
    Object get(String name);

    /** Every attribute, evaluated (for functions and for expressions that take the whole object). */
    Map<String, Object> materialize();

    /** The whole value where one is needed: the evaluated map, or an unknown when the object cannot be listed. */
    default Object whole() {
        return materialize();
    }
}
