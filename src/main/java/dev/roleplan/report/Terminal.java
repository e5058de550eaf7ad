package dev.roleplan.report;

import dev.roleplan.model.Printable;

/**
 * Makes a string from the input safe to print in a terminal or CI log (the text format). Line breaks and other
 * C0/C1 control characters are shown escaped ({@code \n}, {@code \u001b}), so a name can neither colour or
 * rewrite the terminal (ANSI escapes) nor start a line of its own (a forged finding, or a GitHub Actions
 * workflow command such as {@code ::error::}); bidirectional controls are shown as their code point instead of
 * reordering the text around them; a leading {@code ::} is escaped in case a log reader trims indentation.
 */
final class Terminal {

    private Terminal() {
    }

    static String safe(String s) {
        if (s == null) {
            return null;
        }
        int leading = 0;
        while (leading < s.length() && s.charAt(leading) == ' ') {
            leading++;
        }
        StringBuilder out = new StringBuilder(Printable.escape(s, false));
        if (out.indexOf("::", leading) == leading) {
            out.insert(leading, '\\');
        }
        return out.toString();
    }
}
