package dev.roleplan.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownReportTest {

    private static final Parser GFM = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final Options MD = new Options().forFile().withExtension(".md");

    @Test
    void clean() {
        Approvals.verify(new MarkdownReport().render(SampleReports.clean()), MD);
    }

    @Test
    void typical() {
        Approvals.verify(new MarkdownReport().render(SampleReports.typical()), MD);
    }

    @Test
    void oversized() {
        String md = new MarkdownReport().render(SampleReports.oversized());
        assertTrue(md.length() <= MarkdownReport.LIMIT, "length " + md.length());
        Approvals.verify(md, MD);
    }

    @Test
    void oversizedDropsLowestSeverityFirstAndSaysSo() {
        Report report = SampleReports.oversized();
        String full = new MarkdownReport(Integer.MAX_VALUE).render(report);
        assertTrue(full.length() > MarkdownReport.LIMIT, "the sample must really be oversized: " + full.length());
        String md = new MarkdownReport().render(report);
        assertTrue(md.contains("#### 🟧 High ("), "high findings kept");
        assertFalse(md.contains("#### ⬜ Info ("), "info findings dropped before high ones");
        assertFalse(md.contains("```mermaid"), "the diagram goes first");
        assertTrue(md.contains("> **Left out to stay within GitHub's comment size:** the diagram; 134 info findings"), md);
    }

    @Test
    void aTinyLimitCutsItemsAndStillSaysWhat() {
        String md = new MarkdownReport(3_000).render(SampleReports.typical());
        assertTrue(md.length() <= 3_000, "length " + md.length());
        assertTrue(md.contains("Left out to stay within GitHub's comment size:"), md);
        assertTrue(md.contains("#### 🟥 Critical (1)"), md);
    }

    @Test
    void renderingFromTheSavedJsonGivesTheSameText() throws Exception {
        Report report = SampleReports.typical();
        JsonNode saved = new ObjectMapper().readTree(new JsonReport().render(report));
        assertEquals(new MarkdownReport().render(report), new MarkdownReport().render(saved));
    }

    @Test
    void sameReportSameBytes() {
        assertEquals(new MarkdownReport().render(SampleReports.typical()), new MarkdownReport().render(SampleReports.typical()));
    }

    @Test
    void tablesHaveTheExpectedRowsAndColumns() {
        Node doc = GFM.parse(new MarkdownReport().render(SampleReports.typical()));
        List<TableBlock> tables = tables(doc);
        assertEquals(2, tables.size(), "task definitions and suppressed findings");
        List<List<String>> tds = rows(tables.get(0));
        assertEquals(List.of("Task definition", "Execution role", "Task role", "Status"), tds.get(0));
        assertEquals(4, tds.size(), "header and three task definitions");
        assertEquals(List.of("module.svc.aws_ecs_task_definition.app[\"api\"]", "aws_iam_role.exec (resolved)",
                "aws_iam_role.task (resolved)", "🟥 1 critical, 2 high"), tds.get(1));
        assertEquals(List.of("aws_ecs_task_definition.batch", "arn:aws:iam::123456789012:role/ecsTaskExecutionRole (external)",
                "(unknown)", "⬜ 2 info"), tds.get(3));
        List<List<String>> suppressed = rows(tables.get(1));
        assertEquals(3, suppressed.size());
        suppressed.forEach(r -> assertEquals(6, r.size(), r.toString()));
        assertEquals("legacy worker, replaced in Q3 (JIRA-42)", suppressed.get(1).get(5));
    }

    @Test
    void hostileNamesRenderAsText() {
        String md = new MarkdownReport().render(SampleReports.hostile());
        Node doc = GFM.parse(md);
        List<List<String>> rows = rows(tables(doc).get(0));
        assertEquals(2, rows.size());
        assertEquals(4, rows.get(1).size(), "a pipe in a name does not split the cell: " + rows.get(1));
        String expectedTd = "aws_ecs_task_definition.app[\"a|b`c`<script>alert(1)</script>@\u200Dorg/team(U+202E)evil-->x y\"]";
        assertEquals(expectedTd, rows.get(1).get(0));
        assertTrue(rows.get(1).get(1).startsWith("aws_iam_role.r[\"@\u200Doctocat **bold** <img src=x onerror=alert(1)> | ```\"]"));

        List<String> problems = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlInline html) {
                check(html.getLiteral());
            }

            @Override
            public void visit(HtmlBlock html) {
                check(html.getLiteral());
            }

            private void check(String literal) {
                // Only the renderer's own collapsible blocks and footer, never markup from the input.
                if (!literal.strip().matches("(</?(details|summary|sub)>|<details><summary>[A-Za-z0-9 ()]+</summary>)+")) {
                    problems.add("html from input: " + literal);
                }
            }

            @Override
            public void visit(Code code) {
                problems.add("code span from input: " + code.getLiteral());
            }

            @Override
            public void visit(Text text) {
                if (text.getLiteral().matches("(?s).*@[A-Za-z0-9].*")) {
                    problems.add("mention: " + text.getLiteral());
                }
                if (text.getLiteral().codePoints().anyMatch(dev.roleplan.model.Printable::isBidiControl)) {
                    problems.add("bidi control: " + text.getLiteral());
                }
            }

            @Override
            public void visit(Link link) {
                if (!link.getDestination().startsWith("https://github.com/roleplan/roleplan/blob/main/docs/rules/")) {
                    problems.add("link from input: " + link.getDestination());
                }
                visitChildren(link);
            }
        });
        // The verdict's `--fail-on high` is the renderer's own code span.
        problems.remove("code span from input: --fail-on high");
        assertEquals(List.of(), problems);
        String outsideDiagram = md.substring(0, md.indexOf("```mermaid"));
        assertFalse(outsideDiagram.contains("-->"), "no HTML comment end from the input");
        assertFalse(md.matches("(?s).*(?<!\\\\)<script.*"), "no unescaped tag");
    }

    @Test
    void mermaidLabelsCannotEscapeTheirQuotes() {
        String md = new MarkdownReport().render(SampleReports.hostile());
        String diagram = md.substring(md.indexOf("```mermaid"), md.indexOf("```\n", md.indexOf("```mermaid") + 3));
        for (String line : diagram.split("\n")) {
            if (line.contains("[\"")) {
                String label = line.substring(line.indexOf("[\"") + 2, line.lastIndexOf("\"]"));
                assertFalse(label.matches(".*[\"<>`|\\[\\]@].*"), line);
            }
        }
        assertTrue(diagram.contains("#60;script#62;"), diagram);
    }

    @Test
    void escapesForEveryContext() {
        assertEquals("a\\|b \\`c\\` \\<script\\> \\@\u200Dorg\\/team \\(U+202E\\)x \\-\\-\\> y", Md.text("a|b `c` <script> @org/team \u202Ex --> y"));
        assertEquals("#34;#93; --#62; #64;x", Md.mermaid("\"] --> @x"));
        assertEquals("````", Md.fence("a ``` b"));
    }

    /** A saved report comes from elsewhere: wrong types and missing fields render as "?" instead of failing. */
    @Test
    void malformedSavedReportsStillRender() throws Exception {
        JsonNode junk = new ObjectMapper().readTree("""
                {"tool": 5, "fail_on": ["x"], "task_definitions": ["a", {"address": {"x": 1}, "execution_role": 3}],
                 "findings": [7, {"rule": "javascript:alert(1)", "severity": "apocalyptic", "message": ["m"],
                                  "suggestion": {"policy": "not an object"}, "location": {"file": "a.tf", "line": "x"}}],
                 "rules": "none", "notices": {}}""");
        String md = new MarkdownReport().render(junk);
        assertTrue(md.startsWith("### ℹ️ roleplan: 1 finding\n"), md);
        assertTrue(md.contains("| \\? | \\(\\?\\) | \\(\\?\\) | ✅ no findings |"), md);
        assertTrue(md.contains("**javascript\\:alert\\(1\\) **"), md);
        assertFalse(md.contains("](javascript"), "no link from an unknown rule id");
        assertEquals("### ✅ roleplan: no findings", new MarkdownReport().render(new ObjectMapper().readTree("{}")).lines().findFirst().orElseThrow());
    }

    private static List<TableBlock> tables(Node doc) {
        List<TableBlock> out = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.CustomBlock block) {
                if (block instanceof TableBlock t) {
                    out.add(t);
                }
                visitChildren(block);
            }
        });
        return out;
    }

    private static List<List<String>> rows(TableBlock table) {
        List<List<String>> rows = new ArrayList<>();
        table.accept(new AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.CustomNode node) {
                if (node instanceof TableRow) {
                    List<String> cells = new ArrayList<>();
                    for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
                        if (c instanceof TableCell) {
                            cells.add(textOf(c));
                        }
                    }
                    rows.add(cells);
                } else {
                    visitChildren(node);
                }
            }
        });
        return rows;
    }

    private static String textOf(Node node) {
        StringBuilder out = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                out.append(code.getLiteral());
            }
        });
        return out.toString();
    }
}
