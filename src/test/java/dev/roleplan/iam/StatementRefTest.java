package dev.roleplan.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roleplan.model.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementRefTest {

    /** Findings name a statement the same way whether a rule holds the statement or a reference to it. */
    @Test
    void aReferenceIsLabelledAsItsStatement() {
        for (String sid : new String[] {null, "", "ReadAssets"}) {
            Statement s = new Statement(3, sid, Statement.Effect.ALLOW, null, null, null, List.of(), null);
            assertEquals(s.label(), StatementRef.of("policy", s, false).label());
        }
        assertEquals("3", new StatementRef("p", 3, "", Statement.Effect.DENY, false).label());
        assertEquals("ReadAssets", new StatementRef("p", 3, "ReadAssets", Statement.Effect.DENY, false).label());
    }
}
