package dev.roleplan.report;

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
        StringBuilder out = new StringBuilder(s.length() + 8);
        int leading = 0;
        while (leading < s.length() && s.charAt(leading) == ' ') {
            leading++;
        }
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
                        out.append(String.format("\\u%04x", cp));
                    } else if (Md.isBidiControl(cp) || cp == 0x2028 || cp == 0x2029) {
                        out.append(String.format("<U+%04X>", cp));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        if (out.indexOf("::", leading) == leading) {
            out.insert(leading, '\\');
        }
        return out.toString();
    }
}
