package dev.roleplan.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

class FactKeyTest {
    @Test
    void theSameFactAboutTheSameObjectOnly() {
        List<String> one = new ArrayList<>(List.of("a"));
        List<String> equalButOther = new ArrayList<>(List.of("a"));
        assertEquals(new FactKey("f", one), new FactKey("f", one));
        assertEquals(new FactKey("f", one).hashCode(), new FactKey("f", one).hashCode());
        assertNotEquals(new FactKey("f", one), new FactKey("f", equalButOther)); // by identity, not contents
        assertNotEquals(new FactKey("f", one), new FactKey("g", one));
    }

    @Test
    void aContextComputesEachFactOnce() {
        RuleContext context = new RuleContext(null);
        Object role = new Object();
        int[] computed = {0};
        String first = context.cached(new FactKey("f", role), k -> "v" + ++computed[0]);
        String second = context.cached(new FactKey("f", role), k -> "v" + ++computed[0]);
        assertEquals("v1", first);
        assertEquals("v1", second);
        assertEquals("v2", context.cached(new FactKey("f", new Object()), k -> "v" + ++computed[0]));
    }
}
