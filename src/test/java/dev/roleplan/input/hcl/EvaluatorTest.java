package dev.roleplan.input.hcl;

import dev.roleplan.model.Address;
import dev.roleplan.model.Reference;
import dev.roleplan.model.UnknownValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Expressions and functions, evaluated as {@code locals} of a root module. */
class EvaluatorTest {

    @TempDir
    Path dir;

    /** The model value of {@code local.v} with these declarations beside it. */
    private Object eval(String expression, String... declarations) throws IOException {
        Files.writeString(dir.resolve("main.tf"), String.join("\n", declarations) + "\nlocals {\n  v = " + expression + "\n}\n");
        Session session = new Session("test", new SourceFiles(dir, dev.roleplan.input.InputLimits.DEFAULT_MAX_INPUT_BYTES));
        Loader loader = new Loader(dir, session);
        ModuleInstance root = loader.rootInstance(ModuleConfig.load(loader.root, loader.root, session));
        return HclReader.toModel(Values.deep(root.local("v")));
    }

    private static BigDecimal n(int value) {
        return BigDecimal.valueOf(value);
    }

    @Test
    void operatorsFollowHclPrecedence() throws IOException {
        assertEquals(n(7), eval("1 + 2 * 3"));
        assertEquals(true, eval("1 + 1 == 2 && !false"));
        assertEquals("b", eval("3 > 2 ? \"b\" : \"c\""));
        assertEquals(new BigDecimal("2.5"), eval("5 / 2"));
        assertEquals(n(1), eval("7 % 3"));
    }

    @Test
    void jsonencodeSortsKeysAndWritesCompactly() throws IOException {
        assertEquals("{\"a\":[1,true,null],\"b\":\"x\\u003c\"}", eval("jsonencode({ b = \"x<\", a = [1, true, null] })"));
        assertEquals("[0.5,100]", eval("jsonencode([0.50, 1e2])"));
    }

    @Test
    void jsondecodeRoundTrips() throws IOException {
        assertEquals(Map.of("a", List.of("x")), eval("jsondecode(\"{\\\"a\\\":[\\\"x\\\"]}\")"));
        assertEquals(null, eval("jsondecode(\"null\")"));
        assertInstanceOf(UnknownValue.class, eval("jsondecode(\"{\")"));
    }

    @Test
    void collectionFunctions() throws IOException {
        assertEquals(Map.of("a", n(1), "b", n(3)), eval("merge({ a = 1, b = 2 }, { b = 3 })"));
        assertEquals(List.of("a", "b", "c"), eval("concat([\"a\"], [\"b\", \"c\"])"));
        assertEquals(List.of("a", "b", "c"), eval("flatten([[\"a\"], [[\"b\"], \"c\"]])"));
        assertEquals("d", eval("lookup({ a = \"x\" }, \"z\", \"d\")"));
        assertEquals("x", eval("coalesce(\"\", null, \"x\")"));
        assertEquals(List.of("a", "b"), eval("toset([\"b\", \"a\", \"b\"])"));
        assertEquals(n(3), eval("length(\"abc\")"));
        assertEquals("b", eval("element([\"a\", \"b\"], 3)"));
        assertEquals(List.of("a", "b"), eval("keys({ b = 1, a = 2 })"));
        assertEquals(List.of(n(2), n(1)), eval("values({ b = 1, a = 2 })"));
        assertEquals(Map.of("k", "v"), eval("zipmap([\"k\"], [\"v\"])"));
        assertEquals(List.of("a", "b"), eval("distinct([\"a\", \"b\", \"a\"])"));
        assertEquals(List.of("a"), eval("compact([\"a\", \"\", null])"));
        assertEquals(true, eval("contains([\"a\"], \"a\")"));
        assertEquals("x", eval("one([\"x\"])"));
        assertEquals(List.of("a", "b"), eval("sort([\"b\", \"a\"])"));
    }

    @Test
    void stringFunctions() throws IOException {
        assertEquals("a-01-x-\"q\"", eval("format(\"%s-%02d-%v-%q\", \"a\", 1, \"x\", \"q\")"));
        assertEquals("a,b", eval("join(\",\", [\"a\", \"b\"])"));
        assertEquals(List.of("a", "b"), eval("split(\",\", \"a,b\")"));
        assertEquals("a-b", eval("replace(\"a_b\", \"_\", \"-\")"));
        assertEquals("ab", eval("replace(\"a1b2\", \"/[0-9]/\", \"\")"));
        assertEquals("AB", eval("upper(\"ab\")"));
        assertEquals("ab", eval("lower(trimspace(\" AB \"))"));
        assertEquals(true, eval("startswith(\"arn:aws\", \"arn:\") && endswith(\"x.json\", \".json\")"));
        assertEquals("ell", eval("substr(\"hello\", 1, 3)"));
    }

    @Test
    void moreFunctions() throws IOException {
        assertEquals(n(1), eval("min(3, 1, 2)"));
        assertEquals(List.of("b", "c"), eval("slice([\"a\", \"b\", \"c\"], 1, 3)"));
        assertEquals(List.of(n(0), n(2)), eval("range(0, 4, 2)"));
        assertEquals("x", eval("trimsuffix(trimprefix(\"-x.\", \"-\"), \".\")"));
        assertEquals("main.tf", eval("basename(\"a/b/main.tf\")"));
        assertEquals("s", eval("nonsensitive(sensitive(\"s\"))"));
    }

    @Test
    void forExpressionsSplatsAndTemplates() throws IOException {
        assertEquals(List.of("A", "B"), eval("[for s in [\"a\", \"b\"] : upper(s)]"));
        assertEquals(Map.of("a", List.of(n(1), n(3)), "b", List.of(n(2))),
                eval("{ for i, s in [\"a\", \"b\", \"a\"] : s => i + 1... }"));
        assertEquals(List.of("x", "y"), eval("[{ n = \"x\" }, { n = \"y\" }][*].n"));
        assertEquals("a.b.", eval("\"%{for s in [\"a\", \"b\"]}${s}.%{endfor}\""));
    }

    @Test
    void tryAndCanCatchErrorsButNotUnknowns() throws IOException {
        assertEquals("fallback", eval("try({ a = 1 }.b, \"fallback\")"));
        assertEquals(false, eval("can({ a = 1 }.b)"));
        UnknownValue unknown = assertInstanceOf(UnknownValue.class,
                eval("try(aws_iam_role.r.arn, \"fallback\")", "resource \"aws_iam_role\" \"r\" {}"));
        assertEquals(List.of(new Reference(Address.of("aws_iam_role.r"), "arn")), unknown.references());
    }

    @Test
    void unknownsPropagateWithTheirReferences() throws IOException {
        String role = "resource \"aws_iam_role\" \"r\" {}";
        UnknownValue upper = assertInstanceOf(UnknownValue.class, eval("upper(aws_iam_role.r.arn)", role));
        assertEquals(List.of(new Reference(Address.of("aws_iam_role.r"), "arn")), upper.references());
        UnknownValue either = assertInstanceOf(UnknownValue.class,
                eval("aws_iam_role.r.name == \"x\" ? aws_iam_role.r.arn : aws_iam_role.r.id", role));
        assertEquals(List.of(new Reference(Address.of("aws_iam_role.r"), "name"),
                new Reference(Address.of("aws_iam_role.r"), "arn"), new Reference(Address.of("aws_iam_role.r"), "id")),
                either.references());
    }

    @Test
    void aLocalThatDependsOnItselfIsUnknown() throws IOException {
        assertInstanceOf(UnknownValue.class, eval("local.v"));
    }

    @Test
    void variableTypesFillOptionalAttributesAndConvertPrimitives() throws IOException {
        String declaration = """
                variable "c" {
                  type = map(object({
                    image  = string
                    cpu    = optional(number, 256)
                    create = optional(bool, true)
                    tags   = optional(map(string))
                    ports  = optional(set(string), [])
                  }))
                  default = { app = { image = "nginx", ports = ["b", "a", "b"], extra = 1 } }
                }
                variable "s" {
                  type    = string
                  default = 42
                }
                """;
        Map<String, Object> app = new java.util.LinkedHashMap<>();
        app.put("image", "nginx");
        app.put("cpu", n(256));
        app.put("create", true);
        app.put("tags", null);
        app.put("ports", List.of("a", "b"));
        assertEquals(Map.of("app", app), eval("var.c", declaration));
        assertEquals("42", eval("var.s", declaration));
    }
}
