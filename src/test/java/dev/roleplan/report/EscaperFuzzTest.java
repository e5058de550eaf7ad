package dev.roleplan.report;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.parser.Parser;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The escapers' property: whatever the input, the escaped output holds no active construct. Markdown (Md.text,
 * in a paragraph and in a table cell): no HTML, link, image, code or emphasis, no @-mention, one paragraph or
 * table. Annotations: no CR or LF (so no second command), no ':' or ',' in a property. Text (Terminal.safe): no
 * control or bidi character, no leading "::". Seeds: EscaperFuzzTestInputs/escapeAnyText.
 */
class EscaperFuzzTest {

    private static final Parser MARKDOWN = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final Pattern CONTROL = Pattern.compile(
            "[\\x00-\\x1f\\x7f-\\x9f\\u200e\\u200f\\u061c\\u202a-\\u202e\\u2066-\\u2069\\u2028\\u2029]");

    @FuzzTest(maxDuration = "10m")
    void escapeAnyText(byte[] data) {
        String s = new String(data, StandardCharsets.UTF_8);
        String md = Md.text(s);
        assertInert(MARKDOWN.parse("x " + md + " x"), s);
        assertInert(MARKDOWN.parse("| a | b |\n|---|---|\n| x " + md + " | y |\n"), s);
        assertFalse(Pattern.compile("@(?!\u200d)").matcher(md).find(), "a mention: " + md);

        String data1 = GitHubAnnotations.data(s);
        assertFalse(data1.contains("\n") || data1.contains("\r"), "a line break in an annotation");
        assertFalse(CONTROL.matcher(data1).find(), "a control character in an annotation");
        String property = GitHubAnnotations.property(s);
        assertFalse(property.contains(":") || property.contains(",") || property.contains("\n"), "a property break");

        String text = Terminal.safe(s);
        assertFalse(CONTROL.matcher(text).find(), "a control character in text output");
        assertFalse(text.strip().startsWith("::"), "a workflow command in text output");
    }

    private static void assertInert(Node document, String input) {
        int[] blocks = {0};
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            blocks[0]++;
        }
        assertEquals(1, blocks[0], "one block for: " + input);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlInline node) {
                fail("HTML from: " + input);
            }

            @Override
            public void visit(HtmlBlock node) {
                fail("HTML block from: " + input);
            }

            @Override
            public void visit(Link node) {
                fail("link from: " + input);
            }

            @Override
            public void visit(Image node) {
                fail("image from: " + input);
            }

            @Override
            public void visit(Code node) {
                fail("code span from: " + input);
            }

            @Override
            public void visit(Emphasis node) {
                fail("emphasis from: " + input);
            }

            @Override
            public void visit(StrongEmphasis node) {
                fail("strong emphasis from: " + input);
            }
        });
    }
}
