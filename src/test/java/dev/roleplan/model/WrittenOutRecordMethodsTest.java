package dev.roleplan.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Records whose equals and hashCode are written out (decision 0012) behave as the generated ones would: equal
 * exactly when every component is, and hashing to the generated value (31 * h + the component's hash, in
 * component order), so that hash-ordered collections, and so reports, come out as before.
 */
class WrittenOutRecordMethodsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "dev.roleplan.model.Patterns", "dev.roleplan.model.Address", "dev.roleplan.model.UnknownValue",
            "dev.roleplan.model.SourceLocation", "dev.roleplan.model.Reference", "dev.roleplan.model.PolicyDocument",
            "dev.roleplan.model.Condition", "dev.roleplan.model.Statement",
            "dev.roleplan.model.Principals", "dev.roleplan.ecs.Requirement", "dev.roleplan.iam.AccessComparison$ComputeKey",
            "dev.roleplan.iam.AccessComparison$MatchKey", "dev.roleplan.engine.RuleContext$FindingsOf"})
    void equalExactlyWhenEveryComponentIsAndHashedAsGenerated(String className) throws Exception {
        Class<?> type = Class.forName(className);
        assertTrue(type.isRecord(), className);
        assertEquals(type, type.getMethod("equals", Object.class).getDeclaringClass(), "equals is written out");
        assertEquals(type, type.getMethod("hashCode").getDeclaringClass(), "hashCode is written out");
        RecordComponent[] components = type.getRecordComponents();

        Object a = instance(type, components, -1);
        Object same = instance(type, components, -1);
        assertEquals(a, same);
        assertEquals(generatedHash(a, components), a.hashCode());
        assertEquals(a.hashCode(), same.hashCode());
        assertNotEquals(a, null);
        assertNotEquals(a, "not a record of this kind");
        for (int i = 0; i < components.length; i++) {
            Object other = instance(type, components, i);
            assertNotEquals(a, other, components[i].getName() + " differs");
            assertEquals(generatedHash(other, components), other.hashCode());
        }
    }

    /** What java.lang.runtime.ObjectMethods computes for a record. */
    private static int generatedHash(Object record, RecordComponent[] components) throws Exception {
        int h = 0;
        for (RecordComponent c : components) {
            var accessor = c.getAccessor();
            accessor.setAccessible(true);
            h = 31 * h + Objects.hashCode(accessor.invoke(record)); // a boxed primitive hashes as its wrapper does
        }
        return h;
    }

    /** An instance with sample values, component {@code varied} (or none, -1) given a second value. */
    private static Object instance(Class<?> type, RecordComponent[] components, int varied) throws Exception {
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = sample(components[i].getType(), components[i].getGenericType(), i == varied);
        }
        Constructor<?> constructor = type.getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return constructor.newInstance(values);
    }

    private static Object sample(Class<?> type, Type generic, boolean second) throws Exception {
        if (type == int.class) {
            return second ? 2 : 1;
        }
        if (type == boolean.class) {
            return second;
        }
        if (type == String.class || type == Object.class) {
            return second ? "b" : "a";
        }
        if (type == Class.class) {
            return second ? Integer.class : String.class;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[second ? 1 : 0];
        }
        if (type == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            Class<?> raw = element instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) element;
            return second ? List.of(sample(raw, element, false)) : List.of();
        }
        if (type == Map.class) {
            return second ? Map.of("k", List.of()) : Map.of();
        }
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            return instance(type, components, second ? 0 : -1);
        }
        throw new IllegalArgumentException("no sample for " + type);
    }
}
