package dev.roleplan.input.hcl.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** HCL's JSON syntax: strict JSON with positions, and the JSON-to-expression mapping. */
class HclJsonParserTest {

    private static JsonValue.JsonObject parse(String text) {
        return HclJsonParser.parseConfig("t.tf.json", text);
    }

    private static String error(String text) {
        return assertThrows(HclSyntaxException.class, () -> parse(text)).getMessage();
    }

    private static JsonValue.JsonObject fixture() throws IOException {
        String text = Files.readString(Path.of("testdata/hcl/json/main.tf.json"), StandardCharsets.UTF_8);
        return HclJsonParser.parseConfig("json/main.tf.json", text);
    }

    private static JsonValue.JsonObject object(JsonValue value, String key) {
        return (JsonValue.JsonObject) ((JsonValue.JsonObject) value).all(key).get(0);
    }

    @Test
    void realisticConfigurationWithPositions() throws IOException {
        JsonValue.JsonObject root = fixture();
        assertEquals(4, root.members().size());
        assertEquals("//", root.members().get(0).key());
        JsonValue.JsonObject task = object(object(object(root, "resource"), "aws_ecs_task_definition"), "orders");
        JsonValue.Member exec = task.members().get(4);
        assertEquals("execution_role_arn", exec.key());
        assertEquals(new SourceRange("json/main.tf.json", 26, 9, 26, 29), exec.keyRange());
        assertEquals(new SourceRange("json/main.tf.json", 26, 31, 26, 57), exec.value().range());
        assertEquals("(wrap aws_iam_role.exec.arn)", SyntaxPrinter.print(HclJsonParser.toExpression(exec.value())));
    }

    @Test
    void expressionsFromJsonValues() throws IOException {
        JsonValue.JsonObject task = object(object(object(fixture(), "resource"), "aws_ecs_task_definition"), "orders");
        assertEquals("(object (\"Name\" (template \"orders-\" (interp var.env))) (\"Escaped\" \"${literal}\")"
                + " (\"Enabled\" true) (\"Owner\" null))", SyntaxPrinter.print(HclJsonParser.toExpression(
                        task.all("tags").get(0))));
        assertEquals("(tuple \"FARGATE\")",
                SyntaxPrinter.print(HclJsonParser.toExpression(task.all("requires_compatibilities").get(0))));
        assertEquals("256", SyntaxPrinter.print(HclJsonParser.toExpression(task.all("cpu").get(0))));
        assertEquals(new BigDecimal("512.0"), ((JsonValue.JsonNumber) task.all("memory").get(0)).value());
        assertEquals("(wrap (call jsonencode (tuple (object (name \"app\") (image (wrap var.image))"
                + " (essential true)))))",
                SyntaxPrinter.print(HclJsonParser.toExpression(task.all("container_definitions").get(0))));
    }

    @Test
    void templatePositionsPointIntoTheFile() throws IOException {
        JsonValue.JsonObject task = object(object(object(fixture(), "resource"), "aws_ecs_task_definition"), "orders");
        Expression.TemplateWrap wrap = (Expression.TemplateWrap) HclJsonParser.toExpression(task.all("task_role_arn")
                .get(0));
        // "${aws_iam_role.task.arn}" starts at column 26; the reference after the quote and ${ at column 29
        assertEquals(new SourceRange("json/main.tf.json", 27, 29, 27, 50), wrap.wrapped().range());
    }

    @Test
    void duplicateNamesAreKeptInOrder() {
        JsonValue.JsonObject root = parse("{\"a\": 1, \"b\": 2, \"a\": [3]}");
        assertEquals(2, root.all("a").size());
        assertInstanceOf(JsonValue.JsonArray.class, root.all("a").get(1));
    }

    @Test
    void allValueKinds() {
        JsonValue.JsonObject root = parse("{\"s\": \"x\\n\\u00e9\\/\", \"n\": -0.5e-2, \"t\": true, \"f\": false,"
                + " \"z\": null, \"a\": [], \"o\": {}}");
        JsonValue.JsonString s = (JsonValue.JsonString) root.all("s").get(0);
        assertEquals("x\né/", s.value());
        assertTrue(s.hasEscapes());
        assertEquals(new BigDecimal("-0.5e-2"), ((JsonValue.JsonNumber) root.all("n").get(0)).value());
        assertTrue(((JsonValue.JsonBool) root.all("t").get(0)).value());
        assertFalse(((JsonValue.JsonBool) root.all("f").get(0)).value());
        assertInstanceOf(JsonValue.JsonNull.class, root.all("z").get(0));
    }

    @Test
    void errorsWithPositions() {
        assertEquals("t.tf.json:1:1: the root of a JSON configuration file must be an object", error("[1]"));
        assertEquals("t.tf.json:1:9: expected a quoted property name, found '}'", error("{\"a\": 1,}"));
        assertEquals("t.tf.json:1:7: unterminated string: no closing quote", error("{\"a\": \"x"));
        assertEquals("t.tf.json:2:8: unclosed object opened at line 1, column 1: the file ends first",
                error("{\n\"a\": 1 "));
        assertEquals("t.tf.json:1:9: unexpected '}' after the end of the JSON value", error("{\"a\": 1}}"));
        assertEquals("t.tf.json:1:8: invalid escape sequence in a JSON string (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t"
                + " \\uNNNN)", error("{\"a\": \"\\x\"}"));
        assertEquals("t.tf.json:1:8: invalid number: unexpected '1'", error("{\"a\": 01}"));
        assertEquals("t.tf.json:1:8: a control character (U+0009) must be escaped in a JSON string",
                error("{\"a\": \"\t\"}"));
        assertEquals("t.tf.json:1:7: expected a JSON value, found 'T'", error("{\"a\": True}"));
        assertEquals("t.tf.json:1:6: expected ':' after the property name, found '1'", error("{\"a\" 1}"));
        assertEquals("t.tf.json:1:10: expected ',' or ']' in the array, found '2'", error("{\"a\": [1 2]}"));
    }

    @Test
    void templateErrorsInStringsAreReportedInTheFile() {
        JsonValue.JsonObject root = parse("{\n  \"a\": \"${var.x\"\n}");
        HclSyntaxException e = assertThrows(HclSyntaxException.class,
                () -> HclJsonParser.toExpression(root.all("a").get(0)));
        assertEquals("t.tf.json:2:9: unterminated template sequence: no closing }", e.getMessage());
    }

    @Test
    void deepNestingIsCapped() {
        String deep = "{\"a\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertEquals("t.tf.json:1:506: nesting is deeper than 500 levels", error(deep));
    }
}
