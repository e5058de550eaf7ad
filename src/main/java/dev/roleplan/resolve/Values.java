package dev.roleplan.resolve;

import dev.roleplan.model.Reference;
import dev.roleplan.model.Resource;
import dev.roleplan.model.UnknownValue;

import java.util.List;
import java.util.Map;

/** Small readers over a resource's value tree. */
final class Values {

    private Values() {
    }

    static String knownString(Object value) {
        if (value instanceof String s && !s.isEmpty()) {
            return s;
        }
        return null;
    }

    static boolean isKnown(Object value) {
        return value != null && !(value instanceof UnknownValue);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** The first block of a nested block list ({@code efs_volume_configuration[0]}), or null. */
    static Map<String, Object> firstBlock(Map<String, Object> parent, String key) {
        if (parent == null) {
            return null;
        }
        Object value = parent.get(key);
        if (value instanceof List<?> list && !list.isEmpty()) {
            return map(list.get(0));
        }
        return map(value);
    }

    /** The references of a top-level attribute: those on its unknown value, else the resource's own. */
    static List<Reference> referencesOf(Resource resource, String attribute, Object value) {
        if (value instanceof UnknownValue u && !u.references().isEmpty()) {
            return u.references();
        }
        return resource.referencesOf(attribute);
    }

    /**
     * Why a value computed from these unfollowable references stays unknown, for reasons in reports:
     * {@code " is computed from local.exec_arn, which a plan does not record"}.
     */
    static String unfollowable(List<Reference> references) {
        boolean locals = references.stream().allMatch(r -> r.target().local().startsWith("local."));
        boolean wholeModules = references.stream().anyMatch(r -> r.target().local().isEmpty());
        String why = locals ? "which a plan does not record"
                : wholeModules ? "an output of a module instance that is chosen only at apply time"
                : "which cannot be followed before apply";
        return " is computed from " + describe(references) + ", " + why;
    }

    /** Short human text for a chain of references, for reasons in reports. */
    static String describe(List<Reference> references) {
        StringBuilder text = new StringBuilder();
        for (Reference reference : references) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(reference);
        }
        return text.toString();
    }
}
