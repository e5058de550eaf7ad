package dev.roleplan.input.hcl;

import dev.roleplan.model.Reference;
import dev.roleplan.model.UnknownValue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A value the evaluator cannot know before apply, inside evaluation. {@code text} is non-null when the value
 * is a string whose known parts are known: unknown parts are written {@code ${reference}} (the convention
 * {@link dev.roleplan.model.Statement} documents), so a policy built with {@code jsonencode} keeps its known
 * actions and resources. Leaves the front end as a {@link UnknownValue}.
 */
record Unknown(String reason, List<Reference> references, String text, boolean error, boolean notNull) {

    Unknown {
        references = List.copyOf(references);
    }

    Unknown(String reason, List<Reference> references, String text, boolean error) {
        this(reason, references, text, error, false);
    }

    Unknown(String reason, List<Reference> references, String text) {
        this(reason, references, text, false, false);
    }

    /**
     * The same unknown, known not to be null (Terraform's "refined" unknown): an attribute the provider always
     * sets, such as a resource's {@code arn}. {@code x != null} is then known, as in Terraform.
     */
    Unknown refinedNotNull() {
        return new Unknown(reason, references, text, error, true);
    }

    /** What Terraform would reject (a missing attribute, a wrong type): {@code try} and {@code can} catch it. */
    static Unknown of(String reason) {
        return new Unknown(reason, List.of(), null, true);
    }

    /** Not an error, just not known before apply (or not given to roleplan). */
    static Unknown plain(String reason, List<Reference> references) {
        return new Unknown(reason, references, null, false);
    }

    /** A resource's computed attribute: {@code module.iam.aws_iam_role.exec.arn}. */
    static Unknown attribute(Reference reference) {
        return new Unknown("known after apply", List.of(reference), "${" + reference + "}");
    }

    UnknownValue toModel() {
        return new UnknownValue(reason, references);
    }

    /** An unknown computed from several values: the first reason, every reference once. */
    static Unknown merge(String fallbackReason, List<?> parts) {
        Set<Reference> references = new LinkedHashSet<>();
        String reason = null;
        for (Object part : parts) {
            collect(part, references);
            if (reason == null && part instanceof Unknown u) {
                reason = u.reason();
            }
        }
        return new Unknown(reason == null ? fallbackReason : reason, new ArrayList<>(references), null);
    }

    /** Every reference of every unknown inside a value tree. */
    static void collect(Object value, Set<Reference> into) {
        if (value instanceof Unknown u) {
            into.addAll(u.references());
        } else if (value instanceof List<?> list) {
            for (Object element : list) {
                collect(element, into);
            }
        } else if (value instanceof java.util.Map<?, ?> map) {
            for (Object element : map.values()) {
                collect(element, into);
            }
        }
    }

    /** True when the value tree holds an unknown anywhere. */
    static boolean containsUnknown(Object value) {
        if (value instanceof Unknown) {
            return true;
        }
        if (value instanceof List<?> list) {
            for (Object element : list) {
                if (containsUnknown(element)) {
                    return true;
                }
            }
        } else if (value instanceof java.util.Map<?, ?> map) {
            for (Object element : map.values()) {
                if (containsUnknown(element)) {
                    return true;
                }
            }
        }
        return false;
    }
}
