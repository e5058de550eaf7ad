package dev.roleplan.config;

import dev.roleplan.engine.Finding;
import dev.roleplan.engine.Fingerprints;
import dev.roleplan.engine.RuleMeta;
import dev.roleplan.engine.Severity;
import dev.roleplan.engine.Suppression;
import dev.roleplan.model.Notice;
import dev.roleplan.model.RoleKind;
import dev.roleplan.model.SourceLocation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuppressorTest {

    static final RuleMeta RP302 = new RuleMeta("RP302", "allows-service-wildcard", Severity.HIGH, "S", "D.");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    static Finding finding(String td, String policy, SourceLocation at) {
        return new Finding(RP302, Severity.HIGH, "m", td, RoleKind.TASK, "aws_iam_role.task", policy, "0", at, "s3:*", null,
                Fingerprints.of("RP302", td, policy));
    }

    private static Config.SuppressionEntry entry(String address, String reason, LocalDate until) {
        return new Config.SuppressionEntry("RP302", address, reason, until, ".roleplan.yml suppressions[0]");
    }

    @Test
    void anActiveSuppressionMatchesByRuleAndAddressGlob() {
        Finding legacy = finding("module.legacy.aws_ecs_task_definition.worker", "p1", null);
        Finding other = finding("module.svc.aws_ecs_task_definition.api", "p2", null);
        Suppressor.Result r = new Suppressor(List.of(entry("module.legacy.*", "legacy", LocalDate.of(2027, 3, 1))), List.of(), TODAY)
                .apply(List.of(legacy, other));
        assertEquals(new Suppression("legacy", "2027-03-01", Suppression.Source.CONFIG, ".roleplan.yml suppressions[0]"),
                r.findings().get(0).suppression());
        assertNull(r.findings().get(1).suppression());
        assertEquals(List.of(), r.notices());
    }

    @Test
    void theLastDayStillCountsTheDayAfterDoesNot() {
        Finding f = finding("aws_ecs_task_definition.a", "p", null);
        assertTrue(new Suppressor(List.of(entry("*", "ok", TODAY)), List.of(), TODAY).apply(List.of(f)).findings().get(0).isSuppressed());
        Suppressor.Result expired = new Suppressor(List.of(entry("*", "ok", TODAY.minusDays(1))), List.of(), TODAY).apply(List.of(f, f));
        assertNull(expired.findings().get(0).suppression());
        assertEquals(List.of(Notice.warning(".roleplan.yml suppressions[0]",
                "suppression expired on 2026-11-21 (\"ok\"); its findings are reported again")), expired.notices());
    }

    @Test
    void aSuppressionWithoutReasonDoesNotSuppressAndIsReported() {
        Suppressor.Result r = new Suppressor(List.of(entry("*", "  ", null)), List.of(), TODAY)
                .apply(List.of(finding("aws_ecs_task_definition.a", "p", null)));
        assertNull(r.findings().get(0).suppression());
        assertEquals(List.of(Notice.warning(".roleplan.yml suppressions[0]",
                "suppression has no reason, so it does not suppress; add reason: … saying why the finding is accepted")), r.notices());
    }

    @Test
    void inlineCommentsSuppressByLocationAndMalformedOnesAreReported() {
        var ok = InlineSuppressions.parse("# roleplan:ignore RP302 reason=\"accepted\"", new SourceLocation("iam.tf", 19)).orElseThrow();
        var bad = InlineSuppressions.parse("# roleplan:ignore RP302 until=someday", new SourceLocation("iam.tf", 40)).orElseThrow();
        Finding below = finding("aws_ecs_task_definition.a", "p", new SourceLocation("iam.tf", 20));
        Finding far = finding("aws_ecs_task_definition.b", "p", new SourceLocation("iam.tf", 41));
        Suppressor.Result r = new Suppressor(List.of(), List.of(ok, bad), TODAY).apply(List.of(below, far));
        assertEquals(new Suppression("accepted", null, Suppression.Source.INLINE, "iam.tf:19"), r.findings().get(0).suppression());
        assertNull(r.findings().get(1).suppression());
        assertEquals(List.of(Notice.warning("iam.tf:40", "roleplan:ignore ignored: until=someday is not a date (YYYY-MM-DD)")),
                r.notices());
    }

    @Test
    void unusedSuppressionsAreMentioned() {
        Suppressor.Result r = new Suppressor(List.of(entry("nothing.*", "r", null)), List.of(), TODAY)
                .apply(List.of(finding("aws_ecs_task_definition.a", "p", null)));
        assertEquals(List.of(Notice.info(".roleplan.yml suppressions[0]", "suppression matches no finding; remove it if the cause is fixed")),
                r.notices());
    }

    @Test
    void globs() {
        assertTrue(Suppressor.glob("module.*.aws_iam_role.?", "module.a.b.aws_iam_role.x"));
        assertTrue(!Suppressor.glob("module.a", "module.ab"));
        assertTrue(Suppressor.glob("aws_ecs_task_definition.app[\"*\"]", "aws_ecs_task_definition.app[\"api\"]"));
    }
}
