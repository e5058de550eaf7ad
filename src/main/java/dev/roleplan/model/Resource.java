package dev.roleplan.model;

import java.util.List;
import java.util.Map;

/**
 * One resource or data source instance as a front end read it, before any ECS/IAM interpretation. Both
 * front ends (plan JSON and HCL) produce these; {@code resolve} builds task definitions and roles from them,
 * so nothing downstream knows which format the input was.
 *
 * @param values     the planned (after) attribute tree: String, java.math.BigDecimal, Boolean, List, Map,
 *                   null, and {@link UnknownValue} for what is known only after apply
 * @param before     the attribute tree before the change, null when the resource is new or the input has no
 *                   prior values (HCL)
 * @param references attribute name (top level) → what its configuration expression refers to, absolute
 */
public record Resource(
        Address address,
        String mode,
        String type,
        String name,
        Map<String, Object> values,
        Map<String, Object> before,
        ChangeAction change,
        Map<String, List<Reference>> references,
        SourceLocation location) {

    public Resource {
        references = Map.copyOf(references);
    }

    public boolean isData() {
        return "data".equals(mode);
    }

    public Object value(String attribute) {
        return values == null ? null : values.get(attribute);
    }

    /** A top-level attribute as a typed value: known string, unknown (with its references), or absent. */
    public Value<String> string(String attribute) {
        Object v = value(attribute);
        if (v instanceof UnknownValue u) {
            List<Reference> refs = u.references().isEmpty() ? references.getOrDefault(attribute, List.of()) : u.references();
            return Value.unknown(u.reason(), refs);
        }
        if (v == null) {
            return Value.absent();
        }
        if (v instanceof String s) {
            return Value.known(s);
        }
        return Value.known(String.valueOf(v));
    }

    public List<Reference> referencesOf(String attribute) {
        return references.getOrDefault(attribute, List.of());
    }
}
