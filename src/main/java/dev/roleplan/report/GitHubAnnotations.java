package dev.roleplan.report;

import dev.roleplan.model.Printable;

import dev.roleplan.engine.Finding;
import dev.roleplan.engine.Severity;

import java.util.Map;

/**
 * {@code --github-annotations}: GitHub Actions workflow commands ({@code ::error file=…,line=…,title=…::msg})
 * that the runner reads from standard output and shows as annotations on the run and the pull request's
 * files. GitHub shows at most 10 error, 10 warning and 10 notice annotations per step (actions/toolkit,
 * "problem matchers": limitations), so at most that many of each are printed, most severe first, and one
 * summary notice counts the rest (a notice slot is kept free for it). Every string from the input is escaped
 * as the runner unescapes it, so no finding can end its command or start another.
 */
public final class GitHubAnnotations {

    public static final int PER_KIND = 10;

    private GitHubAnnotations() {
    }

    public static String render(Report report) {
        Map<String, Integer> shown = new java.util.LinkedHashMap<>();
        Map<String, Integer> left = new java.util.LinkedHashMap<>();
        for (String kind : new String[]{"error", "warning", "notice"}) {
            shown.put(kind, 0);
            left.put(kind, 0);
        }
        int total = report.active().size();
        int noticeRoom = countKind(report, "notice") > PER_KIND || countKind(report, "error") > PER_KIND
                || countKind(report, "warning") > PER_KIND ? PER_KIND - 1 : PER_KIND;
        StringBuilder out = new StringBuilder();
        for (Finding f : report.active()) {
            String kind = kind(f.severity());
            int cap = kind.equals("notice") ? noticeRoom : PER_KIND;
            if (shown.get(kind) >= cap) {
                left.merge(kind, 1, Integer::sum);
                continue;
            }
            shown.merge(kind, 1, Integer::sum);
            out.append("::").append(kind).append(' ');
            StringBuilder props = new StringBuilder();
            if (f.location() != null && f.location().file() != null && !f.location().file().isEmpty()) {
                props.append("file=").append(property(f.location().file().replace('\\', '/')));
                if (f.location().hasLine()) {
                    props.append(",line=").append(f.location().line());
                }
                props.append(',');
            }
            props.append("title=").append(property(f.rule().id() + " " + f.rule().name() + " (" + f.severity().label() + ")"));
            out.append(props).append("::").append(data(f.message() + pathSuffix(f))).append('\n');
        }
        int rest = left.values().stream().mapToInt(Integer::intValue).sum();
        if (rest > 0) {
            out.append("::notice title=").append(property("roleplan: more findings")).append("::")
                    .append(data(rest + " of " + total + " findings are not annotated (GitHub shows " + PER_KIND
                            + " of each kind per step): " + left.get("error") + " errors, " + left.get("warning")
                            + " warnings, " + left.get("notice") + " notices. The report above lists them all."))
                    .append('\n');
        }
        return out.toString();
    }

    private static long countKind(Report report, String kind) {
        return report.active().stream().filter(f -> kind(f.severity()).equals(kind)).count();
    }

    private static String pathSuffix(Finding f) {
        String path = TextReport.path(f);
        return path.isEmpty() ? "" : "\n" + path;
    }

    /** critical/high → error, medium → warning, low/info → notice (as SARIF levels). */
    static String kind(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "notice";
        };
    }

    /** Message escaping: control characters shown as text; the runner turns %25, %0D, %0A back into %, CR, LF. */
    static String data(String s) {
        return Printable.escape(s, true).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Property escaping: as data, and ':' and ',' which end a property. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
