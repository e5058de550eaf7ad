package dev.roleplan.config;

import dev.roleplan.engine.Finding;
import dev.roleplan.engine.Suppression;
import dev.roleplan.model.Notice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies suppressions with accountability. A suppression needs a reason: one without a reason suppresses
 * nothing (the finding stays and gates) and a warning says where it is. One whose {@code until} day has
 * passed suppresses nothing either, and a warning says it expired. A suppression that matches no finding is
 * mentioned (info), so stale entries get cleaned up. "Today" is given by the caller (an injectable clock).
 */
public final class Suppressor {

    private final List<Config.SuppressionEntry> entries;
    private final List<InlineSuppressions.InlineSuppression> inline;
    private final LocalDate today;

    public Suppressor(List<Config.SuppressionEntry> entries, List<InlineSuppressions.InlineSuppression> inline, LocalDate today) {
        this.entries = List.copyOf(entries);
        this.inline = List.copyOf(inline);
        this.today = today;
    }

    public record Result(List<Finding> findings, List<Notice> notices) {
        public Result {
            findings = List.copyOf(findings);
            notices = List.copyOf(notices);
        }
    }

    public Result apply(List<Finding> findings) {
        Map<Object, String> problems = new LinkedHashMap<>();
        Map<Object, Boolean> used = new LinkedHashMap<>();
        entries.forEach(e -> used.put(e, false));
        inline.stream().filter(s -> s.problem() == null).forEach(s -> used.put(s, false));
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            Suppression accepted = null;
            for (Config.SuppressionEntry e : entries) {
                if (accepted == null && matches(e, f)) {
                    used.put(e, true);
                    accepted = check(e, e.reason(), e.until(), e.place(), Suppression.Source.CONFIG, problems);
                }
            }
            for (InlineSuppressions.InlineSuppression s : inline) {
                if (accepted == null && s.covers(f.rule().id(), f.location())) {
                    used.put(s, true);
                    accepted = check(s, s.reason(), s.until(), s.location().toString(), Suppression.Source.INLINE, problems);
                }
            }
            out.add(accepted == null ? f : f.withSuppression(accepted));
        }
        List<Notice> notices = new ArrayList<>();
        for (InlineSuppressions.InlineSuppression s : inline) {
            if (s.problem() != null) {
                notices.add(Notice.warning(s.location().toString(), "roleplan:ignore ignored: " + s.problem()));
            }
        }
        problems.forEach((owner, message) -> notices.add(Notice.warning(source(owner), message)));
        used.forEach((owner, wasUsed) -> {
            if (!wasUsed) {
                notices.add(Notice.info(source(owner), "suppression matches no finding; remove it if the cause is fixed"));
            }
        });
        return new Result(out, notices);
    }

    /** The suppression when it holds; null (and a problem noted once) when it has no reason or has expired. */
    private Suppression check(Object owner, String reason, LocalDate until, String origin, Suppression.Source source,
                              Map<Object, String> problems) {
        if (reason == null || reason.isBlank()) {
            problems.putIfAbsent(owner, "suppression has no reason, so it does not suppress; add reason"
                    + (source == Suppression.Source.INLINE ? "=\"…\"" : ": …") + " saying why the finding is accepted");
            return null;
        }
        if (until != null && until.isBefore(today)) {
            problems.putIfAbsent(owner, "suppression expired on " + until + " (\"" + reason.strip()
                    + "\"); its findings are reported again");
            return null;
        }
        return new Suppression(reason.strip(), until == null ? null : until.toString(), source, origin);
    }

    private static String source(Object owner) {
        if (owner instanceof Config.SuppressionEntry e) {
            return e.place();
        }
        return ((InlineSuppressions.InlineSuppression) owner).location().toString();
    }

    /** Same rule, and the glob matches the finding's task definition, role or policy address. */
    static boolean matches(Config.SuppressionEntry e, Finding f) {
        if (!e.rule().equals(f.rule().id())) {
            return false;
        }
        for (String address : new String[]{f.taskDefinition(), f.role(), f.policy()}) {
            if (address != null && glob(e.address(), address)) {
                return true;
            }
        }
        return false;
    }

    /** {@code *} any run of characters, {@code ?} exactly one; case-sensitive like Terraform addresses. */
    static boolean glob(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
