package dev.roleplan.input.hcl.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the flat sequence of a template's pieces (literal text, interpolations, directive keywords) into
 * {@link TemplatePart}s: applies strip markers, removes {@code <<-} heredoc indentation, merges adjacent text and
 * nests {@code %{if}}/{@code %{for}} directives.
 */
final class TemplateAssembler {

    private final String file;
    private int depth;

    TemplateAssembler(String file) {
        this.file = file;
    }

    /** One flat element of a template before directives are nested: literal text or one sequence. */
    static final class TemplateItem {
        final Token token;
        final SourceRange range;
        String text; // literals
        Expression expression; // interpolation, if, for
        String keyword; // directives: if, else, endif, for, endfor
        String keyVar;
        String valueVar;
        boolean stripBefore;
        boolean stripAfter;

        TemplateItem(Token token, SourceRange range) {
            this.token = token;
            this.range = range;
        }

        boolean isLiteral() {
            return text != null;
        }
    }

    List<TemplatePart> assemble(List<TemplateItem> items) {
        int[] index = {0};
        return buildParts(items, index, null);
    }

    private void enter(TemplateItem item) {
        if (++depth > Parser.MAX_NESTING) {
            throw new HclSyntaxException(file, item.range.line(), item.range.column(),
                    "nesting is deeper than " + Parser.MAX_NESTING + " levels");
        }
    }

    /** Strip markers ({@code ~}) remove the whitespace of the adjacent literal text. */
    static void applyStripMarkers(List<TemplateItem> items) {
        for (int i = 0; i < items.size(); i++) {
            TemplateItem item = items.get(i);
            if (item.isLiteral()) {
                continue;
            }
            if (item.stripBefore && i > 0 && items.get(i - 1).isLiteral()) {
                TemplateItem before = items.get(i - 1);
                before.text = stripTrailingSpace(before.text);
            }
            if (item.stripAfter && i + 1 < items.size() && items.get(i + 1).isLiteral()) {
                TemplateItem after = items.get(i + 1);
                after.text = stripLeadingSpace(after.text);
            }
        }
    }

    /**
     * {@code <<-} heredocs: the literal text at the start of each line loses as many leading spaces as the least
     * indented line has. As in HCL, lines holding only whitespace do not count towards the minimum and are left
     * as written, and a line starting with an interpolation or directive makes the minimum zero. This runs after
     * strip markers, again as HCL does.
     */
    static void removeIndentation(List<TemplateItem> items) {
        int min = Integer.MAX_VALUE;
        boolean lineStart = true;
        List<TemplateItem> adjust = new ArrayList<>();
        for (TemplateItem item : items) {
            if (lineStart) {
                lineStart = false;
                int spaces;
                if (item.isLiteral()) {
                    String trimmed = stripLeadingSpace(item.text);
                    if (trimmed.isEmpty() && item.text.endsWith("\n")) {
                        spaces = Integer.MAX_VALUE;
                    } else {
                        String lead = item.text.substring(0, item.text.length() - trimmed.length());
                        spaces = lead.codePointCount(0, lead.length());
                        adjust.add(item);
                    }
                } else {
                    spaces = 0;
                }
                min = Math.min(min, spaces);
            }
            if (item.isLiteral() && item.text.endsWith("\n")) {
                lineStart = true;
            }
        }
        if (min == Integer.MAX_VALUE || min == 0) {
            return;
        }
        for (TemplateItem item : adjust) {
            item.text = item.text.substring(item.text.offsetByCodePoints(0, min));
        }
    }

    /** Nests directives: reads parts until one of the closing keywords of {@code opener} (left at index). */
    private List<TemplatePart> buildParts(List<TemplateItem> items, int[] index, TemplateItem opener) {
        List<TemplatePart> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        SourceRange literalStart = null;
        SourceRange literalEnd = null;
        while (index[0] < items.size()) {
            TemplateItem item = items.get(index[0]);
            if (item.isLiteral()) {
                if (!item.text.isEmpty()) {
                    if (literalStart == null) {
                        literalStart = item.range;
                    }
                    literalEnd = item.range;
                    literal.append(item.text);
                }
                index[0]++;
                continue;
            }
            if (item.keyword != null && closes(opener, item.keyword)) {
                flushLiteral(parts, literal, literalStart, literalEnd);
                return parts;
            }
            flushLiteral(parts, literal, literalStart, literalEnd);
            literalStart = null;
            index[0]++;
            if (item.keyword == null) {
                parts.add(new TemplatePart.Interpolation(item.expression, item.range));
            } else {
                parts.add(buildDirective(items, index, item));
            }
        }
        if (opener != null) {
            SourceRange at = opener.range;
            throw new HclSyntaxException(at.file(), at.line(), at.column(), "%{" + opener.keyword + "} has no matching %{"
                    + ("for".equals(opener.keyword) ? "endfor" : "endif") + "}");
        }
        flushLiteral(parts, literal, literalStart, literalEnd);
        return parts;
    }

    private static boolean closes(TemplateItem opener, String keyword) {
        if (opener == null) {
            return false;
        }
        if (opener.keyword.equals("for")) {
            return keyword.equals("endfor");
        }
        return keyword.equals("else") || keyword.equals("endif");
    }

    private TemplatePart buildDirective(List<TemplateItem> items, int[] index, TemplateItem item) {
        SourceRange at = item.range;
        switch (item.keyword) {
            case "if" -> {
                enter(item);
                List<TemplatePart> then = buildParts(items, index, item);
                List<TemplatePart> otherwise = List.of();
                TemplateItem closer = items.get(index[0]++);
                if (closer.keyword.equals("else")) {
                    otherwise = buildParts(items, index, item);
                    closer = items.get(index[0]++);
                    if (!closer.keyword.equals("endif")) {
                        throw new HclSyntaxException(file, closer.range.line(), closer.range.column(),
                                "a second %{else} for the %{if} at line " + at.line() + "; expected %{endif}");
                    }
                }
                depth--;
                return new TemplatePart.If(item.expression, then, otherwise, SourceRange.span(at, closer.range));
            }
            case "for" -> {
                enter(item);
                List<TemplatePart> body = buildParts(items, index, item);
                TemplateItem closer = items.get(index[0]++);
                depth--;
                return new TemplatePart.For(item.keyVar, item.valueVar, item.expression, body,
                        SourceRange.span(at, closer.range));
            }
            default -> throw new HclSyntaxException(file, at.line(), at.column(), "%{" + item.keyword
                    + "} without a matching %{" + ("endfor".equals(item.keyword) ? "for" : "if") + "}");
        }
    }

    private static void flushLiteral(List<TemplatePart> parts, StringBuilder literal, SourceRange start,
            SourceRange end) {
        if (literal.length() > 0) {
            parts.add(new TemplatePart.Literal(literal.toString(), SourceRange.span(start, end)));
            literal.setLength(0);
        }
    }

    static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }

    private static String stripLeadingSpace(String s) {
        int i = 0;
        while (i < s.length() && isSpace(s.codePointAt(i))) {
            i += Character.charCount(s.codePointAt(i));
        }
        return s.substring(i);
    }

    private static String stripTrailingSpace(String s) {
        int i = s.length();
        while (i > 0 && isSpace(s.codePointBefore(i))) {
            i -= Character.charCount(s.codePointBefore(i));
        }
        return s.substring(0, i);
    }
}
