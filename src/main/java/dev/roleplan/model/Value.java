package dev.roleplan.model;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A value that is known, unknown until apply, or absent (not set). Unknown is never confused with absent:
 * an unknown role ARN may still be resolved through configuration references; an absent one means no role.
 */
public sealed interface Value<T> permits Value.Known, Value.Unknown, Value.Absent {

    record Known<T>(T value) implements Value<T> {
        public Known {
            Objects.requireNonNull(value, "known value");
        }
    }

    /**
     * Known only after apply. {@code reason} says why (for the report); {@code references} are what the
     * configuration says the value is computed from, already made absolute.
     */
    record Unknown<T>(String reason, List<Reference> references) implements Value<T> {
        public Unknown {
            references = List.copyOf(references);
        }
    }

    record Absent<T>() implements Value<T> {
    }

    static <T> Value<T> known(T value) {
        return new Known<>(value);
    }

    static <T> Value<T> unknown(String reason) {
        return new Unknown<>(reason, List.of());
    }

    static <T> Value<T> unknown(String reason, List<Reference> references) {
        return new Unknown<>(reason, references);
    }

    static <T> Value<T> absent() {
        return new Absent<>();
    }

    static <T> Value<T> ofNullable(T value) {
        return value == null ? absent() : known(value);
    }

    default boolean isKnown() {
        return this instanceof Known;
    }

    default boolean isUnknown() {
        return this instanceof Unknown;
    }

    default boolean isAbsent() {
        return this instanceof Absent;
    }

    /** The known value, or null when unknown or absent. */
    default T orNull() {
        return this instanceof Known<T> k ? k.value() : null;
    }

    default <R> Value<R> map(Function<T, R> f) {
        if (this instanceof Known<T> k) {
            return Value.ofNullable(f.apply(k.value()));
        }
        if (this instanceof Unknown<T> u) {
            return new Unknown<>(u.reason(), u.references());
        }
        return absent();
    }
}
