package dev.roleplan.report;

import dev.roleplan.model.Printable;

/**
 * Escaping for strings from the input (addresses, ARNs, messages, reasons) on their way into Markdown that
 * GitHub renders: nothing from the input may become markup, HTML, a mention, a comment end, or reorder the
 * text around it.
 */
final class Md {

    private static final String ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    /** Zero-width joiner: after '@' it keeps GitHub from turning {@code @org/team} into a mention. */
    private static final char ZWJ = '\u200D';

    private Md() {
    }

    /**
     * Inline text: every ASCII punctuation character is backslash-escaped (CommonMark allows escaping any of
     * them, so nothing can open emphasis, code, links, HTML, or a table cell), '@' is followed by a zero-width
     * joiner, line breaks and other control characters become spaces, and bidirectional controls are shown
     * as their code point instead of reordering the text. Safe in table cells too.
     */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            if (Printable.isBidiControl(cp)) {
                out.append("\\(U+").append(String.format("%04X", cp)).append("\\)");
            } else if (Character.getType(cp) == Character.CONTROL || cp == 0x2028 || cp == 0x2029) {
                out.append(' ');
            } else if (cp < 128 && ASCII_PUNCTUATION.indexOf(cp) >= 0) {
                out.append('\\').append((char) cp);
                if (cp == '@') {
                    out.append(ZWJ);
                }
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /**
     * A Mermaid node or edge label, for use inside double quotes: anything but letters, digits, space and
     * a few harmless marks becomes a Mermaid entity code ({@code #60;}), so a label cannot close its quotes,
     * start HTML, or end the code block.
     */
    static String mermaid(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            if (Printable.isBidiControl(cp)) {
                out.append("(U+").append(String.format("%04X", cp)).append(')');
            } else if (Character.getType(cp) == Character.CONTROL || cp == 0x2028 || cp == 0x2029) {
                out.append(' ');
            } else if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')
                    || " _.,:/=+*-".indexOf(cp) >= 0) {
                out.appendCodePoint(cp);
            } else {
                out.append('#').append(cp).append(';');
            }
        });
        return out.toString();
    }

    /** A code fence longer than any backtick run in the content, so the content cannot close it. */
    static String fence(String content) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < content.length(); i++) {
            run = content.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "`".repeat(Math.max(3, longest + 1));
    }
}
