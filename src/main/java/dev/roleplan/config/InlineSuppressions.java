package dev.roleplan.config;

import dev.roleplan.model.SourceLocation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code # roleplan:ignore RP302 reason="…" until=2027-03-01} comments in .tf files. The HCL front end hands
 * each comment's text and position to {@link #parse}; a comment suppresses a finding of a listed rule whose
 * location is in the same file on the comment's line or the line below it (a comment on the reported line,
 * or on its own line just above the resource or statement that is reported).
 */
public final class InlineSuppressions {

    private static final Pattern DIRECTIVE = Pattern.compile("roleplan:ignore\\b(.*)", Pattern.DOTALL);
    private static final Pattern RULES = Pattern.compile("\\s*((?:RP\\d{3}|\\*)(?:\\s*,\\s*(?:RP\\d{3}))*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern OPTION = Pattern.compile("\\s*([a-z]+)=(\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S+))");

    private InlineSuppressions() {
    }

    /**
     * One parsed comment. {@code problem} is non-null when the directive is malformed; such a comment
     * suppresses nothing and is reported.
     *
     * @param rules  upper-case rule ids
     * @param reason null when the comment gives none
     * @param until  null when the comment gives none
     */
    public record InlineSuppression(List<String> rules, String reason, LocalDate until, SourceLocation location,
                                    String problem) {
        public InlineSuppression {
            rules = List.copyOf(rules);
        }

        /** Same file, and the finding's line is the comment's line or the one after it. */
        public boolean covers(String ruleId, SourceLocation finding) {
            if (problem != null || finding == null || location == null || !finding.hasLine()
                    || !finding.file().equals(location.file())) {
                return false;
            }
            int delta = finding.line() - location.line();
            return (delta == 0 || delta == 1) && rules.contains(ruleId);
        }
    }

    /**
     * Parses one comment's text (with or without its {@code #}, {@code //} or {@code /* *\/} markers); empty
     * when the comment is not a roleplan directive.
     */
    public static java.util.Optional<InlineSuppression> parse(String commentText, SourceLocation where) {
        String text = strip(commentText);
        Matcher d = DIRECTIVE.matcher(text);
        if (!text.startsWith("roleplan:ignore") || !d.matches()) {
            return java.util.Optional.empty();
        }
        String rest = d.group(1);
        Matcher r = RULES.matcher(rest);
        if (!r.lookingAt() || r.group(1).equals("*")) {
            return java.util.Optional.of(bad(where, "roleplan:ignore needs the rule ids it suppresses, e.g. roleplan:ignore RP302 reason=\"…\""));
        }
        List<String> rules = new ArrayList<>();
        for (String id : r.group(1).split("\\s*,\\s*")) {
            rules.add(id.trim().toUpperCase(Locale.ROOT));
        }
        String reason = null;
        LocalDate until = null;
        int pos = r.end();
        Matcher o = OPTION.matcher(rest);
        while (pos < rest.length()) {
            if (rest.substring(pos).isBlank()) {
                break;
            }
            o.region(pos, rest.length());
            if (!o.lookingAt()) {
                return java.util.Optional.of(bad(where, "cannot read \"" + rest.substring(pos).trim()
                        + "\"; expected reason=\"…\" and until=YYYY-MM-DD"));
            }
            String key = o.group(1);
            String value = o.group(3) != null ? o.group(3).replaceAll("\\\\(.)", "$1") : o.group(4);
            switch (key) {
                case "reason" -> reason = value.isBlank() ? null : value;
                case "until" -> {
                    try {
                        until = LocalDate.parse(value);
                    } catch (DateTimeParseException e) {
                        return java.util.Optional.of(bad(where, "until=" + value + " is not a date (YYYY-MM-DD)"));
                    }
                }
                default -> {
                    return java.util.Optional.of(bad(where, "unknown option " + key + "=; expected reason=\"…\" and until=YYYY-MM-DD"));
                }
            }
            pos = o.end();
        }
        return java.util.Optional.of(new InlineSuppression(rules, reason, until, where, null));
    }

    private static InlineSuppression bad(SourceLocation where, String problem) {
        return new InlineSuppression(List.of(), null, null, where, problem);
    }

    private static String strip(String comment) {
        String t = comment == null ? "" : comment.strip();
        if (t.startsWith("/*")) {
            t = t.substring(2);
            if (t.endsWith("*/")) {
                t = t.substring(0, t.length() - 2);
            }
        } else if (t.startsWith("//")) {
            t = t.substring(2);
        } else if (t.startsWith("#")) {
            t = t.substring(1);
        }
        return t.strip();
    }
}
