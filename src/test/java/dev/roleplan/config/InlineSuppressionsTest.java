package dev.roleplan.config;

import dev.roleplan.config.InlineSuppressions.InlineSuppression;
import dev.roleplan.model.SourceLocation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InlineSuppressionsTest {

    private static final SourceLocation AT = new SourceLocation("iam.tf", 10);

    @Test
    void parsesRulesReasonAndUntilInEveryCommentStyle() {
        InlineSuppression expected = new InlineSuppression(List.of("RP302"), "legacy, see \"JIRA-42\"", LocalDate.of(2027, 3, 1), AT, null);
        assertEquals(Optional.of(expected),
                InlineSuppressions.parse("# roleplan:ignore RP302 reason=\"legacy, see \\\"JIRA-42\\\"\" until=2027-03-01", AT));
        assertEquals(Optional.of(expected),
                InlineSuppressions.parse("// roleplan:ignore rp302 until=2027-03-01 reason=\"legacy, see \\\"JIRA-42\\\"\"", AT));
        assertEquals(Optional.of(new InlineSuppression(List.of("RP302", "RP301"), "ok", null, AT, null)),
                InlineSuppressions.parse("/* roleplan:ignore RP302, RP301 reason=ok */", AT));
    }

    @Test
    void aMissingReasonIsKeptSoItCanBeReported() {
        assertEquals(Optional.of(new InlineSuppression(List.of("RP101"), null, null, AT, null)),
                InlineSuppressions.parse("# roleplan:ignore RP101", AT));
    }

    @Test
    void otherCommentsAreNotDirectives() {
        assertEquals(Optional.empty(), InlineSuppressions.parse("# just a note about roleplan:ignore", AT));
        assertEquals(Optional.empty(), InlineSuppressions.parse("# TODO", AT));
    }

    @Test
    void malformedDirectivesCarryTheirProblem() {
        assertEquals("roleplan:ignore needs the rule ids it suppresses, e.g. roleplan:ignore RP302 reason=\"…\"",
                InlineSuppressions.parse("# roleplan:ignore reason=\"x\"", AT).orElseThrow().problem());
        assertEquals("until=soon is not a date (YYYY-MM-DD)",
                InlineSuppressions.parse("# roleplan:ignore RP302 reason=x until=soon", AT).orElseThrow().problem());
        assertEquals("unknown option by=; expected reason=\"…\" and until=YYYY-MM-DD",
                InlineSuppressions.parse("# roleplan:ignore RP302 by=me", AT).orElseThrow().problem());
        assertEquals("cannot read \"because\"; expected reason=\"…\" and until=YYYY-MM-DD",
                InlineSuppressions.parse("# roleplan:ignore RP302 because", AT).orElseThrow().problem());
    }

    @Test
    void coversTheSameLineAndTheLineBelowInTheSameFileForItsRules() {
        InlineSuppression s = InlineSuppressions.parse("# roleplan:ignore RP302 reason=x", AT).orElseThrow();
        assertTrue(s.covers("RP302", new SourceLocation("iam.tf", 10)));
        assertTrue(s.covers("RP302", new SourceLocation("iam.tf", 11)));
        assertFalse(s.covers("RP302", new SourceLocation("iam.tf", 12)));
        assertFalse(s.covers("RP302", new SourceLocation("iam.tf", 9)));
        assertFalse(s.covers("RP302", new SourceLocation("other.tf", 11)));
        assertFalse(s.covers("RP301", new SourceLocation("iam.tf", 11)));
        assertFalse(s.covers("RP302", null));
    }
}
