package dev.roleplan.input.hcl.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Every construct of the native syntax, with the exact tree it must produce (see {@link SyntaxPrinter}). */
class HclParserTest {

    private static String tree(String src) {
        return SyntaxPrinter.print(HclParser.parseConfig("t.tf", src));
    }

    private static String expr(String src) {
        return SyntaxPrinter.print(HclParser.parseExpression("t.tf", src));
    }

    /** The tree of {@code a = <src>}, without the body around it. */
    private static String value(String src) {
        String body = tree("a = " + src + "\n");
        String prefix = "(body (attr a ";
        assertTrue(body.startsWith(prefix), body);
        return body.substring(prefix.length(), body.length() - 2);
    }

    // ---------------------------------------------------------------- structure

    @Test
    void emptyFileAndBlankLines() {
        assertEquals("(body)", tree(""));
        assertEquals("(body)", tree("\n\n  \n"));
    }

    @Test
    void attributesAndBlocksInOrder() {
        assertEquals("(body (attr a 1) (block b (body (attr c 2))) (attr d 3))",
                tree("a = 1\nb {\n  c = 2\n}\nd = 3\n"));
    }

    @Test
    void blockLabelsQuotedAndBare() {
        assertEquals("(body (block resource \"aws_iam_role\" \"this\" (body)) (block x \"a\" b (body)))",
                tree("resource \"aws_iam_role\" \"this\" {\n}\nx \"a\" b {\n}\n"));
    }

    @Test
    void quotedLabelKeepsEscapesDecoded() {
        Block block = HclParser.parseConfig("t.tf", "x \"a\\\"b\" {}\n").blocks().get(0);
        assertEquals("a\"b", block.labels().get(0).value());
        assertTrue(block.labels().get(0).quoted());
    }

    @Test
    void singleLineBlocks() {
        assertEquals("(body (block a (body)) (block b (body (attr c 1))) (block d \"e\" (body (attr f \"g\"))))",
                tree("a {}\nb { c = 1 }\nd \"e\" { f = \"g\" }\n"));
    }

    @Test
    void nestedBlocks() {
        assertEquals("(body (block a (body (block b (body (block c (body (attr d true))))))))",
                tree("a {\n  b {\n    c {\n      d = true\n    }\n  }\n}\n"));
    }

    @Test
    void lastLineWithoutNewline() {
        assertEquals("(body (attr a 1) (block b (body)))", tree("a = 1\nb {}"));
    }

    @Test
    void bodyHelpersFindAttributesAndBlocks() {
        Body body = HclParser.parseConfig("t.tf", "a = 1\nx \"1\" {}\ny {}\nx \"2\" {}\n");
        assertEquals(1, body.attributes().size());
        assertEquals(2, body.blocks("x").size());
        assertEquals("2", body.blocks("x").get(1).labelValues().get(0));
        assertTrue(body.attribute("a").isPresent());
        assertTrue(body.attribute("b").isEmpty());
    }

    // ---------------------------------------------------------------- comments

    @Test
    void allThreeCommentKinds() {
        assertEquals("(body (attr a 1) (attr b 2) (attr c 3))",
                tree("# hash\na = 1 # after\n// slashes\nb = 2 // after\n/* block\n spanning */ c = /* inline */ 3\n"));
    }

    @Test
    void commentOpeningABlockBody() {
        assertEquals("(body (block a (body (attr b 1))))", tree("a { # note\n  b = 1\n}\n"));
    }

    // ---------------------------------------------------------------- literals

    @Test
    void numbers() {
        assertEquals("42", value("42"));
        assertEquals("3.25", value("3.25"));
        assertEquals("1000", value("1e3"));
        assertEquals("250", value("2.5E+2"));
        assertEquals("0.125", value("125e-3"));
        Expression.LiteralValue literal = (Expression.LiteralValue) HclParser.parseExpression("t", "1.50");
        assertEquals(new BigDecimal("1.50"), literal.value());
    }

    @Test
    void numberTokensFollowHashiCorpScanner() {
        assertEquals("100000", value("1.e5"));
        assertEquals("7", value("007"));
        // a number never ends in a dot, so what follows the dot is an attribute of the number
        assertEquals("(rel 1.5 .length)", value("1.5.length"));
        assertEquals("x[1000].y", value("x.1e3.y"));
    }

    @Test
    void byteOrderMarkIsSkippedAsHashiCorpDoes() {
        assertEquals("(body (attr a 1))", tree("\uFEFFa = 1\n"));
    }

    @Test
    void boolsAndNull() {
        assertEquals("true", value("true"));
        assertEquals("false", value("false"));
        assertEquals("null", value("null"));
        assertInstanceOf(Expression.LiteralValue.class, HclParser.parseExpression("t", "null"));
    }

    // ---------------------------------------------------------------- strings and templates

    @Test
    void escapes() {
        assertEquals("\"a\\nb\\tc\\rd\\\"e\\\\f\"", value("\"a\\nb\\tc\\rd\\\"e\\\\f\""));
        assertEquals("\"é😀\"", value("\"\\u00e9\\U0001F600\""));
    }

    @Test
    void templateSequenceEscapesAndLoneSigns() {
        assertEquals("\"${x} %{y} $$z %%w $ %\"", value("\"$${x} %%{y} $$z %%w $ %\""));
    }

    @Test
    void interpolation() {
        assertEquals("(template \"hello \" (interp var.name) \"!\")", value("\"hello ${var.name}!\""));
    }

    @Test
    void singleInterpolationIsWrapped() {
        assertEquals("(wrap var.count)", value("\"${var.count}\""));
        assertEquals("(wrap (tuple 1))", value("\"${[1]}\""));
    }

    @Test
    void nestedTemplates() {
        assertEquals("(template \"a \" (interp (template \"b \" (interp x))))", value("\"a ${\"b ${x}\"}\""));
    }

    @Test
    void stripMarkersRemoveAdjacentWhitespace() {
        assertEquals("(template \"a\" (interp x) \"b\")", value("\"a   ${~ x ~}   b\""));
        assertEquals("(template \"x \" (if true (then \"y\")) \" z\")",
                value("\"x %{ if true ~}  y  %{~ endif } z\""));
    }

    @Test
    void ifElseDirective() {
        assertEquals("(template (if var.on (then \"yes\") (else \"no\")))",
                value("\"%{ if var.on }yes%{ else }no%{ endif }\""));
    }

    @Test
    void forDirectiveWithOneAndTwoVariables() {
        assertEquals("(template (for v var.list (interp v) \",\"))", value("\"%{ for v in var.list }${v},%{ endfor }\""));
        assertEquals("(template (for k v var.map (interp k) \"=\" (interp v)))",
                value("\"%{for k, v in var.map}${k}=${v}%{endfor}\""));
    }

    @Test
    void nestedDirectives() {
        assertEquals("(template (for x xs (if (> x 1) (then (interp x)) (else \"-\"))))",
                value("\"%{for x in xs}%{if x > 1}${x}%{else}-%{endif}%{endfor}\""));
    }

    @Test
    void emptyString() {
        assertEquals("\"\"", value("\"\""));
        Expression.TemplateExpr t = (Expression.TemplateExpr) HclParser.parseExpression("t", "\"\"");
        assertEquals("", t.literalValue());
    }

    // ---------------------------------------------------------------- heredocs

    @Test
    void heredocKeepsIndentation() {
        assertEquals("(heredoc \"line one\\n  line two\\n\")", value("<<EOT\nline one\n  line two\nEOT"));
    }

    @Test
    void flushHeredocRemovesSmallestIndentation() {
        assertEquals("(heredoc \"first\\n  second\\n\\nthird\\n\")",
                value("<<-EOT\n    first\n      second\n\n    third\n  EOT"));
    }

    @Test
    void flushHeredocIgnoresWhitespaceOnlyLinesAndLeavesThemAlone() {
        assertEquals("(heredoc \"a\\n\\n  \\n  b\\n\")", value("<<-EOT\n    a\n\n  \n      b\n  EOT"));
        assertEquals("(heredoc \"x\\n      \\ny\\n\")", value("<<-EOT\n    x\n      \n    y\n  EOT"));
    }

    @Test
    void flushHeredocCountsTabsAsOneCharacter() {
        assertEquals("(heredoc \"  a\\nb\\n\")", value("<<-EOT\n\t  a\n\tb\n  EOT"));
    }

    @Test
    void flushHeredocWithInterpolations() {
        assertEquals("(heredoc \"  a \" (interp x) \" b\\n    c\\n\" (interp y) \"\\n  d\\n\")",
                value("<<-EOT\n    a ${x} b\n      c\n  ${y}\n    d\n  EOT"));
    }

    @Test
    void flushHeredocAppliesStripMarkersFirst() {
        // as in HCL: the stripped newline means "    v" no longer starts a line, so it keeps its indentation
        assertEquals("(heredoc (for x y \"    v\\n\"))", value("<<-EOT\n    %{ for x in y ~}\n    v\n    %{ endfor ~}\n  EOT"));
    }

    @Test
    void heredocMarkerMayBeIndentedAndFollowedBySpaces() {
        assertEquals("(heredoc \"  x ${a}\\n\")", value("<<EOT\n  x $${a}\n    EOT  "));
    }

    @Test
    void emptyHeredoc() {
        assertEquals("(heredoc)", value("<<-EOT\nEOT"));
    }

    @Test
    void heredocKeepsCrLf() {
        assertEquals("(body (attr a (heredoc \"x\\r\\n\")))", tree("a = <<EOT\r\nx\r\nEOT\r\n"));
    }

    @Test
    void standaloneTemplate() {
        assertEquals("(template \"Hello \" (interp name) \"\\n\" (for x xs \"- \" (interp x) \"\\n\"))",
                SyntaxPrinter.print(HclParser.parseTemplate("t.tpl", "Hello ${name}\n%{for x in xs}- ${x}\n%{endfor}")));
    }

    // ---------------------------------------------------------------- collections

    @Test
    void tuples() {
        assertEquals("(tuple)", value("[]"));
        assertEquals("(tuple 1 \"two\" three (tuple 4))", value("[1, \"two\", three, [4]]"));
        assertEquals("(tuple \"a\" \"b\")", value("[\n  \"a\",\n\n  \"b\",\n]"));
    }

    @Test
    void objectsWithAllKeyForms() {
        assertEquals("(object)", value("{}"));
        assertEquals("(object (a 1) (\"b\" 2) (c 3) ((paren var.k) 4))",
                value("{ a = 1, \"b\" = 2, c : 3, (var.k) = 4 }"));
    }

    @Test
    void objectItemsSeparatedByNewlines() {
        assertEquals("(object (a 1) (b (tuple 2 3)) (c (object (d 4))))",
                value("{\n  a = 1,\n  b = [\n    2,\n    3\n  ]\n  c = {\n    d = 4\n  }\n}"));
    }

    @Test
    void bareObjectKeyIsALiteralName() {
        Expression.ObjectCons object = (Expression.ObjectCons) HclParser.parseExpression("t", "{ a = 1, (b) = 2 }");
        assertEquals("a", object.items().get(0).bareName());
        assertEquals(null, object.items().get(1).bareName());
    }

    // ---------------------------------------------------------------- traversals, index, splat

    @Test
    void attributeAndConstantIndexStepsStayInTheTraversal() {
        assertEquals("var.map[\"k\"].list[0].name", value("var.map[\"k\"].list[0].name"));
        Expression.ScopeTraversal t = (Expression.ScopeTraversal) HclParser.parseExpression("t", "a.b[0]");
        assertEquals("a", t.root());
        assertEquals(2, t.steps().size());
        assertInstanceOf(TraversalStep.GetAttr.class, t.steps().get(0));
        assertEquals(new BigDecimal("0"), ((TraversalStep.IndexStep) t.steps().get(1)).key());
    }

    @Test
    void legacyIndex() {
        assertEquals("var.list[0].name", value("var.list.0.name"));
    }

    @Test
    void variableIndexIsAnIndexExpression() {
        assertEquals("(rel (index var.map var.key) .id)", value("var.map[var.key].id"));
    }

    @Test
    void relativeTraversalAfterACall() {
        assertEquals("(rel (call element var.list 0) .name)", value("element(var.list, 0).name"));
    }

    @Test
    void fullSplatTakesFollowingAttributesAndIndexes() {
        assertEquals("(splat[*] aws_instance.web (rel @ .id))", value("aws_instance.web[*].id"));
        assertEquals("(splat[*] var.items (rel @ .tags[\"Name\"]))", value("var.items[*].tags[\"Name\"]"));
        assertEquals("(splat[*] a @)", value("a[*]"));
    }

    @Test
    void attributeSplatStopsAtAnIndex() {
        assertEquals("(rel (splat.* a (rel @ .b)) [0])", value("a.*.b[0]"));
    }

    @Test
    void splatAfterSplat() {
        assertEquals("(splat[*] (splat.* a @) @)", value("a.*[*]"));
        assertEquals("(splat.* (splat[*] a @) @)", value("a[*].*"));
        assertEquals("(splat.* (splat[*] a (rel @ .b)) @)", value("a[*].b.*"));
    }

    @Test
    void splatsChain() {
        assertEquals("(splat[*] (splat[*] a (rel @ .b[0])) (rel @ .c))", value("a[*].b[0][*].c"));
    }

    // ---------------------------------------------------------------- functions

    @Test
    void functionCalls() {
        assertEquals("(call timestamp)", value("timestamp()"));
        assertEquals("(call format \"%s-%s\" var.a var.b)", value("format(\"%s-%s\", var.a, var.b)"));
        assertEquals("(call f 1 2)", value("f(\n  1,\n  2,\n)"));
    }

    @Test
    void expandedFinalArgument() {
        assertEquals("(call concat a var.lists ...)", value("concat(a, var.lists...)"));
        Expression.FunctionCall call = (Expression.FunctionCall) HclParser.parseExpression("t", "f(x...)");
        assertTrue(call.expandFinal());
    }

    @Test
    void providerFunction() {
        assertEquals("(call provider::aws::arn_parse var.arn)", value("provider::aws::arn_parse(var.arn)"));
    }

    // ---------------------------------------------------------------- for expressions

    @Test
    void tupleForExpressions() {
        assertEquals("(for [s] var.list (call upper s))", value("[for s in var.list : upper(s)]"));
        assertEquals("(for [i s] var.list s (if (!= s \"\")))", value("[for i, s in var.list : s if s != \"\"]"));
    }

    @Test
    void objectForExpressions() {
        assertEquals("(for {k v} var.map k v.id)", value("{ for k, v in var.map : k => v.id }"));
        assertEquals("(for {s} var.list (call substr s 0 1) s ...)", value("{for s in var.list : substr(s, 0, 1) => s...}"));
        assertEquals("(for {k v} m k v ... (if v))", value("{for k, v in m: k => v... if v}"));
    }

    @Test
    void forExpressionOverLines() {
        assertEquals("(for [k v] var.m (object (name k) (value v)))",
                value("[\n  for k, v in var.m : {\n    name  = k\n    value = v\n  }\n]"));
    }

    // ---------------------------------------------------------------- operators

    @Test
    void precedenceOfAllLevels() {
        assertEquals("(|| a (&& b (== c (< d (+ e (* f g))))))", expr("a || b && c == d < e + f * g"));
        assertEquals("(|| (&& (== (< (+ (* a b) c) d) e) f) g)", expr("a * b + c < d == e && f || g"));
    }

    @Test
    void leftAssociativity() {
        assertEquals("(* (/ x y) z)", expr("x / y * z"));
        assertEquals("(- (- a b) c)", expr("a - b - c"));
        assertEquals("(% (* a b) c)", expr("a * b % c"));
        assertEquals("(!= (== a b) c)", expr("a == b != c"));
    }

    @Test
    void comparisonOperators() {
        assertEquals("(tuple (< a b) (> a b) (<= a b) (>= a b) (== a b) (!= a b))",
                expr("[a < b, a > b, a <= b, a >= b, a == b, a != b]"));
    }

    @Test
    void unaryOperatorsBindTighterThanBinaryButLooserThanTraversals() {
        assertEquals("(+ (neg x.y) 5)", expr("-x.y + 5"));
        assertEquals("(&& (! a) b)", expr("!a && b"));
        assertEquals("(neg (neg 1))", expr("--1"));
        assertEquals("(! (! false))", expr("!!false"));
    }

    @Test
    void parentheses() {
        assertEquals("(* (paren (+ 1 2)) 3)", expr("(1 + 2) * 3"));
        assertEquals("(paren (? a b c))", value("(\n  a\n  ? b\n  : c\n)"));
    }

    @Test
    void conditionalsAreRightNested() {
        assertEquals("(? c 1 (? d 2 3))", expr("c ? 1 : d ? 2 : 3"));
        assertEquals("(? (&& a b) (+ 1 2) 3)", expr("a && b ? 1 + 2 : 3"));
    }

    @Test
    void identifiersMayContainDashes() {
        assertEquals("a-b", expr("a-b"));
        assertEquals("(- a b)", expr("a - b"));
    }

    @Test
    void unicodeIdentifiers() {
        assertEquals("(template \"naïve \" (interp café))", expr("\"naïve ${café}\""));
    }

    // ---------------------------------------------------------------- positions

    @Test
    void nodesCarryFileLineAndColumn() {
        Body body = HclParser.parseConfig("main.tf", "locals {\n  name = \"x-${var.env}\"\n}\n");
        Block locals = body.blocks().get(0);
        assertEquals(new SourceRange("main.tf", 1, 1, 3, 2), locals.range());
        Attribute name = locals.body().attributes().get(0);
        assertEquals(new SourceRange("main.tf", 2, 3, 2, 7), name.nameRange());
        assertEquals(new SourceRange("main.tf", 2, 3, 2, 24), name.range());
        Expression.TemplateExpr template = (Expression.TemplateExpr) name.value();
        assertEquals(new SourceRange("main.tf", 2, 10, 2, 24), template.range());
        TemplatePart.Interpolation interp = (TemplatePart.Interpolation) template.parts().get(1);
        assertEquals(new SourceRange("main.tf", 2, 13, 2, 23), interp.range());
        assertEquals(new SourceRange("main.tf", 2, 15, 2, 22), interp.expression().range());
    }

    @Test
    void positionsOfNestedExpressions() {
        Expression.BinaryOp op = (Expression.BinaryOp) HclParser.parseExpression("e", "a +\n  f(b)");
        assertEquals(new SourceRange("e", 1, 1, 2, 7), op.range());
        assertEquals(new SourceRange("e", 2, 3, 2, 7), op.right().range());
    }

    @Test
    void columnsCountCodePointsAndTabsAsOne() {
        Body body = HclParser.parseConfig("t.tf", "a = \"😀\"\n\tb = 1\n");
        assertEquals(new SourceRange("t.tf", 1, 5, 1, 8), body.attributes().get(0).value().range());
        assertEquals(2, body.attributes().get(1).nameRange().column());
    }
}
