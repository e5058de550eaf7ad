package dev.roleplan.input.hcl.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Syntax errors: exact file:line:col and message; nothing is dropped, nothing overflows the stack. */
class HclSyntaxErrorTest {

    private static String error(String src) {
        return assertThrows(HclSyntaxException.class, () -> HclParser.parseConfig("t.tf", src)).getMessage();
    }

    private static String fixtureError(String name) throws IOException {
        Path path = Path.of("testdata/hcl/invalid", name);
        return assertThrows(HclSyntaxException.class,
                () -> HclParser.parseConfig("invalid/" + name, HclParser.decodeUtf8("invalid/" + name, Files.readAllBytes(path))))
                .getMessage();
    }

    @Test
    void exceptionCarriesPositionAndPrintsCompilerStyle() {
        HclSyntaxException e = assertThrows(HclSyntaxException.class,
                () -> HclParser.parseConfig("main.tf", "a = 1\nb = \n"));
        assertEquals("main.tf", e.file());
        assertEquals(2, e.line());
        assertEquals(5, e.column());
        assertEquals("expected an expression, found newline", e.detail());
        assertEquals("main.tf:2:5: expected an expression, found newline", e.getMessage());
        assertEquals(e.getMessage(), e.toString());
    }

    /**
     * A secret pasted in the wrong place is where a syntax error shows: tokens are named by their kind, never
     * quoted. Only what the parser has recognised as structure (an attribute's name before =) is named.
     */
    @Test
    void aSyntaxErrorNeverRepeatsTheTextOfAToken() {
        String secret = "s3cr3tPin";
        java.util.List<String> inputs = java.util.List.of(
                "db_password = hunter2 s3cr3tPin\n",  // a second bare word after the value
                "s3cr3tPin\n",                         // a secret alone on a line
                "s3cr3tPin hunter2\n",                 // read as a block type and a label
                "hunter2 s3cr3tPin\n",
                "pin = 4829 7736s3cr3tPin\n",          // a number, then a word
                "pin = [1, 2 s3cr3tPin]\n",
                "pin = f(1 s3cr3tPin)\n",
                "pin = {a = 1 s3cr3tPin = 2}\n",
                "pin = \"ab%{s3cr3tPin}\"\n",          // a password holding %{ reads as a directive
                "pin = \"ab%{ if x }s3cr3tPin\"\n",
                "pin = a.1.5s3cr3tPin\n",
                "pin = <<s3cr3tPin x\n",
                "pin = <<s3cr3tPin\nabc\n",
                "pin = [for s3cr3tPin on y : 1]\n",
                "pin = \"${a s3cr3tPin}\"\n",
                "pin = 1.5e3e4s3cr3tPin\n");
        for (String input : inputs) {
            String message = error(input);
            org.junit.jupiter.api.Assertions.assertFalse(message.contains(secret) || message.contains("hunter2")
                    || message.contains("7736"), input + " gave: " + message);
        }
        assertEquals("t.tf:1:23: expected a newline after the value of attribute \"db_password\", found a name",
                error(inputs.get(0)));
    }

    // ---------------------------------------------------------------- the invalid fixtures

    @Test
    void missingClosingBraceIsAnErrorAtTheUnclosedBlock() throws IOException {
        assertEquals("invalid/missing-brace.tf:1:32: unclosed block \"resource\": no } before the end of the file",
                fixtureError("missing-brace.tf"));
    }

    @Test
    void unterminatedString() throws IOException {
        assertEquals("invalid/unterminated-string.tf:2:17: a quoted string cannot span lines: use \\n or a heredoc"
                + " (<<EOT)", fixtureError("unterminated-string.tf"));
        assertEquals("t.tf:1:5: unterminated string: no closing quote", error("a = \"abc"));
    }

    @Test
    void attributeRedefined() throws IOException {
        assertEquals("invalid/attribute-redefined.tf:3:3: attribute \"a\" is already defined at line 2; each attribute"
                + " may be set only once in a body", fixtureError("attribute-redefined.tf"));
    }

    @Test
    void closingBraceOnTheAttributeLine() throws IOException {
        assertEquals("invalid/closing-brace-after-value.tf:2:9: expected a newline after the value of attribute"
                + " \"a\", found '}'", fixtureError("closing-brace-after-value.tf"));
    }

    @Test
    void blockInsideSingleLineBlock() throws IOException {
        assertEquals("invalid/block-in-single-line-block.tf:1:9: a single-line block holds at most one attribute;"
                + " put a newline after { to write nested blocks (found a name)",
                fixtureError("block-in-single-line-block.tf"));
    }

    @Test
    void chainedLegacyIndex() throws IOException {
        assertEquals("invalid/legacy-index-chain.tf:1:7: invalid legacy index: after a dot only a whole number"
                + " is allowed; chain indexes as [0][1]", fixtureError("legacy-index-chain.tf"));
    }

    @Test
    void expansionNotOnTheLastArgument() throws IOException {
        assertEquals("invalid/expand-not-last.tf:1:11: an argument expanded with ... must be the last one: expected"
                + " ')', found ','", fixtureError("expand-not-last.tf"));
    }

    @Test
    void invalidEscape() throws IOException {
        assertEquals("invalid/bad-escape.tf:1:6: invalid escape sequence: \\ followed by 'q' (valid: \\n \\r \\t \\\""
                + " \\\\ \\uNNNN \\UNNNNNNNN)", fixtureError("bad-escape.tf"));
        assertEquals("t.tf:1:6: \\u must be followed by 4 hexadecimal digits", error("a = \"\\u12\"\n"));
        assertEquals("t.tf:1:6: \\U must be followed by 8 hexadecimal digits", error("a = \"\\U0001F60\"\n"));
        assertEquals("t.tf:1:6: the \\U escape is not a valid Unicode character", error("a = \"\\UFFFFFFFF\"\n"));
    }

    @Test
    void heredocClosingMarkerNeedsANewline() throws IOException {
        assertEquals("invalid/heredoc-no-newline-at-end.tf:1:5: unterminated heredoc: no line with its closing marker"
                + " (the marker must be alone on its line and followed by a newline)",
                fixtureError("heredoc-no-newline-at-end.tf"));
        assertEquals("t.tf:1:10: the heredoc marker must be followed by a newline", error("a = <<EOT x\nEOT\n"));
    }

    @Test
    void forIsAKeywordAfterABracket() throws IOException {
        assertEquals("invalid/for-keyword.tf:1:9: expected a variable name after 'for', found ','",
                fixtureError("for-keyword.tf"));
    }

    @Test
    void directivesMustPair() throws IOException {
        assertEquals("invalid/missing-endif.tf:1:6: %{if} has no matching %{endif}", fixtureError("missing-endif.tf"));
        assertEquals("invalid/else-without-if.tf:1:8: %{else} without a matching %{if}",
                fixtureError("else-without-if.tf"));
        assertEquals("t.tf:1:6: %{for} has no matching %{endfor}", error("a = \"%{for x in y}z\"\n"));
        assertEquals("t.tf:1:22: a second %{else} for the %{if} at line 1; expected %{endif}",
                error("a = \"%{if a}x%{else}y%{else}z%{endif}\"\n"));
        assertEquals("t.tf:1:9: unknown template directive; expected if, else, endif, for or endfor",
                error("a = \"%{ foo }\"\n"));
    }

    @Test
    void binaryOperatorCannotEndALine() throws IOException {
        assertEquals("invalid/operator-at-line-end.tf:1:8: expected an expression, found newline",
                fixtureError("operator-at-line-end.tf"));
    }

    @Test
    void twoAttributesOnOneLine() throws IOException {
        assertEquals("invalid/two-attributes-one-line.tf:1:7: expected a newline after the value of attribute \"a\","
                + " found a name", fixtureError("two-attributes-one-line.tf"));
    }

    @Test
    void unterminatedComment() throws IOException {
        assertEquals("invalid/unterminated-comment.tf:2:1: unterminated comment: /* without */",
                fixtureError("unterminated-comment.tf"));
    }

    @Test
    void interpolationInABlockLabel() throws IOException {
        assertEquals("invalid/interpolated-label.tf:1:15: a block label must be a literal string: template sequences"
                + " are not allowed here", fixtureError("interpolated-label.tf"));
    }

    @Test
    void missingClosingBracket() throws IOException {
        assertEquals("invalid/missing-bracket.tf:2:1: expected ',' or ']' in the list opened at line 1, column 5;"
                + " found a name", fixtureError("missing-bracket.tf"));
    }

    // ---------------------------------------------------------------- more places

    @Test
    void unclosedDelimitersPointAtTheirOpening() {
        assertEquals("t.tf:1:5: unclosed object: no } before the end of the file", error("a = {\n  b = 1\n"));
        assertEquals("t.tf:1:5: unclosed list: no ] before the end of the file", error("a = [1,\n"));
        assertEquals("t.tf:1:6: unclosed argument list of f(: no ) before the end of the file", error("a = f(1,"));
        assertEquals("t.tf:1:5: unclosed parenthesis: no ) before the end of the file", error("a = (1"));
        assertEquals("t.tf:1:6: unclosed index: no ] before the end of the file", error("a = x[1"));
        // the } on line 3 closes b, so a is the unclosed one
        assertEquals("t.tf:1:3: unclosed block \"a\": no } before the end of the file", error("a {\n  b {\n}\n"));
    }

    @Test
    void unterminatedTemplateSequence() {
        assertEquals("t.tf:1:6: unterminated template sequence: no closing }", error("a = \"${x"));
        // the marker line is read as part of the expression, so the missing } shows there first
        assertEquals("t.tf:3:1: expected } to close the interpolation opened at line 2, column 1; found a name",
                error("a = <<EOT\n${x\nEOT\n"));
    }

    @Test
    void strayTokens() {
        assertEquals("t.tf:1:1: unexpected }: there is no open block to close", error("}\n"));
        assertEquals("t.tf:1:1: expected an attribute or block definition, found a quote", error("\"a\" = 1\n"));
        assertEquals("t.tf:1:5: unexpected character '@'", error("a = @\n"));
        assertEquals("t.tf:1:7: unexpected character '&': the logical operator is &&", error("a = b & c\n"));
        assertEquals("t.tf:1:5: unexpected character '~': a strip marker belongs just before the } that closes a"
                + " template sequence", error("a = ~1\n"));
        assertEquals("t.tf:1:3: expected = or { after the name to define an attribute or a block, found a number",
                error("a 1\n"));
        assertEquals("t.tf:1:7: expected { to open the body of the block, found '='", error("a \"b\" = 1\n"));
    }

    @Test
    void earliestErrorWinsOverALaterLexicalError() {
        assertEquals("t.tf:1:3: expected = or { after the name to define an attribute or a block, found a number",
                error("a 1\n/* never closed"));
    }

    @Test
    void expressionErrors() {
        assertEquals("t.tf:1:7: expected an attribute name after '.', found newline", error("a = b.\n"));
        assertEquals("t.tf:1:10: expected ':' between the two results of the conditional, found newline",
                error("a = x ? 1\n"));
        assertEquals("t.tf:1:8: expected ',' or ']' in the list opened at line 1, column 5; found a number",
                error("a = [1 2]\n"));
        assertEquals("t.tf:1:9: expected ',' or ')' in the arguments of f(, opened at line 1, column 6; found a number",
                error("a = f(1 2)\n"));
        assertEquals("t.tf:1:9: expected '=' or ':' after the object key, found '}'", error("a = { b }\n"));
        assertEquals("t.tf:1:13: expected a comma or a newline after the object item, found a name",
                error("a = { b = 1 c = 2 }\n"));
        assertEquals("t.tf:1:20: expected '=>' between the key and the value of the object for expression, found '}'",
                error("a = {for x in y : x}\n"));
        assertEquals("t.tf:1:12: expected 'in' after the for variables, found a name", error("a = [for x on y : x]\n"));
        assertEquals("t.tf:1:8: expected ']' after '[*', found '.'", error("a = b[*.c]\n"));
    }

    @Test
    void numberTokensThatAreNotNumbers() {
        assertEquals("t.tf:1:5: invalid number literal", error("a = 1.5.3\n"));
        assertEquals("t.tf:1:5: invalid number literal", error("a = 1e3e4\n"));
        assertEquals("t.tf:1:5: invalid number literal", error("a = 12..3\n"));
        assertEquals("t.tf:1:8: expected a newline after the value of attribute \"a\", found a name", error("a = 1.5e\n"));
    }

    @Test
    void loneCarriageReturn() {
        assertEquals("t.tf:2:2: a carriage return must be followed by a newline", error("a = <<EOT\nx\ry\nEOT\n"));
        assertEquals("t.tf:1:6: a carriage return must be followed by a newline", error("a = 1\rb = 2\n"));
        assertEquals("t.tf:1:7: a quoted string cannot span lines: use \\n or a heredoc (<<EOT)", error("a = \"x\ry\"\n"));
    }

    @Test
    void splatInsideAttributeOnlySplat() {
        assertEquals("t.tf:1:11: a splat (*) cannot be used inside an attribute-only splat (.*); use [*]",
                error("a = a.*.b.*\n"));
    }

    @Test
    void invalidUtf8() {
        HclSyntaxException e = assertThrows(HclSyntaxException.class,
                () -> HclParser.decodeUtf8("x.tf", new byte[] {'a', '=', (byte) 0xC3, '\n'}));
        assertEquals("x.tf:1:1: the file is not valid UTF-8", e.getMessage());
    }

    // ---------------------------------------------------------------- nesting depth

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() throws InterruptedException {
        String deep = "a = " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
        String parens = "a = " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + "\n";
        String unary = "a = " + "-".repeat(100_000) + "1\n";
        String blocks = "b {\n".repeat(10_000) + "}\n".repeat(10_000);
        String templates = "a = " + "\"${".repeat(10_000) + "1" + "}\"".repeat(10_000) + "\n";
        String directives = "a = \"" + "%{if a}".repeat(10_000) + "%{endif}".repeat(10_000) + "\"\n";
        // a thread with the JVM's usual 1 MB stack: the cap must hold without a bigger -Xss
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                assertEquals("t.tf:1:505: nesting is deeper than 500 levels", error(deep));
                assertEquals("t.tf:1:505: nesting is deeper than 500 levels", error(parens));
                assertEquals("t.tf:1:504: nesting is deeper than 500 levels", error(unary));
                assertEquals("t.tf:501:1: nesting is deeper than 500 levels", error(blocks));
                assertEquals("t.tf:1:1505: nesting is deeper than 500 levels", error(templates));
                assertEquals("t.tf:1:3506: nesting is deeper than 500 levels", error(directives));
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "deep", 1 << 20);
        t.start();
        t.join();
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }

    @Test
    void nestingJustUnderTheCapParses() {
        String src = "a = " + "[".repeat(Parser.MAX_NESTING - 1) + "]".repeat(Parser.MAX_NESTING - 1) + "\n";
        assertEquals(1, HclParser.parseConfig("t.tf", src).attributes().size());
    }
}
