package dev.roleplan.model;

/**
 * Text from the input made safe to print in a terminal or a CI log: it can neither colour or rewrite the terminal
 * (ANSI escapes), nor start a line of its own (a forged log line or workflow command), nor reorder the text around
 * it. C0/C1 control characters are shown as {@code \u001b}, tabs as {@code \t}, line breaks as {@code \n} and
 * {@code \r} unless kept,
 * and bidirectional controls and the Unicode line and paragraph separators as {@code <U+202E>}.
 */
public final class Printable {

    private Printable() {
    }

    /** @param keepLineBreaks leave CR and LF as they are (for a format that escapes them its own way) */
    public static String escape(String s, boolean keepLineBreaks) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r') {
                if (keepLineBreaks) {
                    out.appendCodePoint(cp);
                } else {
                    out.append(cp == '\n' ? "\\n" : "\\r");
                }
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
                out.append(String.format("\\u%04x", cp));
            } else if (isBidiControl(cp) || cp == 0x2028 || cp == 0x2029) {
                out.append(String.format("<U+%04X>", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** Embedding, override and isolate controls, and the directional marks: they reorder the text around them. */
    public static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                || cp == 0x061C;
    }
}
