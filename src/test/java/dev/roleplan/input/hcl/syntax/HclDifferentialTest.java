package dev.roleplan.input.hcl.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Compares our parser with HashiCorp's on the corpus that {@code tools/hcl-diff/run.sh} builds (the testdata
 * fixtures plus seeded mutants) and parses with {@code @cdktf/hcl2json}. Any disagreement in accept/reject, in
 * block structure (types, labels, attribute names) or in literal values fails the test.
 *
 * <p>hcl2json renders every expression that is not a literal, a tuple, an object, a template without
 * sequences, a wrapped template or a unary operator on a literal as a string of its source ("${...}"), so for
 * those we only check that it produced a string. It escapes literal "${" and "%{" back to "$${" and "%%{".
 *
 * <p>Without node the corpus does not exist and this test is skipped with a message saying so.
 */
class HclDifferentialTest {

    private static final Path DIR = Path.of(System.getProperty("hcl.diff.dir", "target/hcl-diff"));
    private static final Pattern HCL_POSITION = Pattern.compile(":(\\d+),(\\d+)-");

    /** Our side of a value hcl2json renders as source text: any string matches. */
    private static final Object EXPRESSION = new Object() {
        @Override
        public String toString() {
            return "<expression>";
        }
    };

    /** An object whose keys are expressions we do not render: any object matches. */
    private static final Object SOME_OBJECT = new Object() {
        @Override
        public String toString() {
            return "<object with expression keys>";
        }
    };

    /**
     * A template with sequences: hcl2json writes it back as text with the interpolations' source, so its literal
     * parts (after strip markers and heredoc indentation) must appear in that text, in order.
     */
    private record TemplateText(List<String> literals) {
    }

    /** hcl2json's converter (not its parser) fails on this input, e.g. a label clash between blocks. */
    private static final class ConvertError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConvertError(String message) {
            super(message, null, false, false);
        }
    }

    @Test
    void agreesWithHashiCorpParserOnFixturesAndMutants() throws IOException {
        Path results = DIR.resolve("hcl2json.jsonl");
        if (Boolean.getBoolean("hcl.diff.required")) {
            assertTrue(Files.exists(results), "run.sh asked for the differential test but " + results + " is missing");
        }
        Assumptions.assumeTrue(Files.exists(results), "no hcl2json results at " + results
                + ": run tools/hcl-diff/run.sh (needs node) to build the corpus and run the differential test");
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        List<String> disagreements = new ArrayList<>();
        int files = 0;
        int mutants = 0;
        int bothRejected = 0;
        int sameErrorLine = 0;
        for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode record = mapper.readTree(line);
            String name = record.get("file").asText();
            files++;
            if (record.get("mutant").asBoolean()) {
                mutants++;
            }
            String text = Files.readString(DIR.resolve("files").resolve(name), StandardCharsets.UTF_8);
            Outcome ours = ours(name, text);
            boolean theirsOk = record.get("ok").asBoolean();
            String theirStage = theirsOk ? "accept" : record.get("stage").asText();
            if (!ours.stage.equals(theirStage)) {
                disagreements.add(name + ": ours " + ours.stage + " (" + ours.detail + "), HashiCorp's " + theirStage
                        + (theirsOk ? "" : " (" + record.get("error").asText() + ")"));
                continue;
            }
            if (theirsOk) {
                List<String> diffs = new ArrayList<>();
                compare(ours.json, record.get("json"), "$", diffs);
                for (String d : diffs) {
                    disagreements.add(name + ": " + d);
                }
            } else if (theirStage.equals("parse")) {
                bothRejected++;
                Matcher m = HCL_POSITION.matcher(record.get("error").asText());
                if (m.find() && Integer.parseInt(m.group(1)) == ours.errorLine) {
                    sameErrorLine++;
                }
            }
        }
        String summary = String.format("hcl differential: %d files (%d fixtures, %d mutants), %d disagreements;"
                + " both rejected %d, of which %d with the error on the same line%n", files, files - mutants, mutants,
                disagreements.size(), bothRejected, sameErrorLine);
        Files.writeString(DIR.resolve("report.txt"), summary + String.join("\n", disagreements) + "\n");
        System.out.print(summary);
        assertTrue(files > mutants && mutants > 0, "the corpus must hold fixtures and mutants");
        assertEquals(List.of(), disagreements, summary);
    }

    private record Outcome(String stage, Object json, String detail, int errorLine) {
    }

    private static Outcome ours(String name, String text) {
        Body body;
        try {
            body = HclParser.parseConfig(name, text);
        } catch (HclSyntaxException e) {
            return new Outcome("parse", null, e.getMessage(), e.line());
        }
        try {
            return new Outcome("accept", convertBody(body), "", 0);
        } catch (ConvertError e) {
            return new Outcome("convert", null, e.getMessage(), 0);
        }
    }

    // ---------------------------------------------------------------- our tree in hcl2json's shape

    private static Map<String, Object> convertBody(Body body) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Block block : body.blocks()) {
            convertBlock(block, out);
        }
        for (Attribute attribute : body.attributes()) {
            out.put(attribute.name(), convertExpression(attribute.value()));
        }
        return out;
    }

    /** Labels nest as objects, and blocks of the same path collect into a list, as hcl2json does. */
    @SuppressWarnings("unchecked")
    private static void convertBlock(Block block, Map<String, Object> out) {
        Map<String, Object> current = out;
        String key = block.type();
        for (String label : block.labelValues()) {
            Object existing = current.get(key);
            if (existing == null) {
                Map<String, Object> next = new LinkedHashMap<>();
                current.put(key, next);
                current = next;
            } else if (existing instanceof Map) {
                current = (Map<String, Object>) existing;
            } else {
                throw new ConvertError("block " + block.type() + " labels clash with an earlier block");
            }
            key = label;
        }
        Map<String, Object> value = convertBody(block.body());
        Object existing = current.get(key);
        if (existing == null) {
            List<Object> list = new ArrayList<>();
            list.add(value);
            current.put(key, list);
        } else if (existing instanceof List) {
            ((List<Object>) existing).add(value);
        } else {
            throw new ConvertError("block " + block.type() + " has fewer labels than an earlier block of its type");
        }
    }

    private static Object convertExpression(Expression e) {
        if (e instanceof Expression.LiteralValue literal) {
            return literal.value();
        }
        if (e instanceof Expression.UnaryOp unary && unary.operand() instanceof Expression.LiteralValue literal) {
            if (unary.operator() == Expression.UnaryOperator.NEGATE && literal.value() instanceof BigDecimal n) {
                return n.negate();
            }
            if (unary.operator() == Expression.UnaryOperator.NOT && literal.value() instanceof Boolean b) {
                return !b;
            }
            throw new ConvertError("operator " + unary.operator().symbol() + " on " + literal.value());
        }
        if (e instanceof Expression.TemplateExpr template) {
            if (template.isStringLiteral()) {
                return escapeTemplate(template.literalValue());
            }
            List<String> literals = new ArrayList<>();
            collectLiterals(template.parts(), literals);
            return new TemplateText(literals);
        }
        if (e instanceof Expression.TemplateWrap wrap) {
            return convertExpression(wrap.wrapped());
        }
        if (e instanceof Expression.TupleCons tuple) {
            List<Object> out = new ArrayList<>();
            for (Expression item : tuple.items()) {
                out.add(convertExpression(item));
            }
            return out;
        }
        if (e instanceof Expression.ObjectCons object) {
            Map<String, Object> out = new LinkedHashMap<>();
            boolean keysKnown = true;
            for (Expression.ObjectItem item : object.items()) {
                String key = objectKey(item);
                Object value = convertExpression(item.value());
                if (key == null) {
                    keysKnown = false;
                } else {
                    out.put(key, value);
                }
            }
            return keysKnown ? out : SOME_OBJECT;
        }
        return EXPRESSION;
    }

    private static void collectLiterals(List<TemplatePart> parts, List<String> out) {
        for (TemplatePart part : parts) {
            if (part instanceof TemplatePart.Literal literal) {
                out.add(literal.text());
            } else if (part instanceof TemplatePart.If directive) {
                collectLiterals(directive.then(), out);
                collectLiterals(directive.otherwise(), out);
            } else if (part instanceof TemplatePart.For loop) {
                collectLiterals(loop.body(), out);
            }
        }
    }

    private static String objectKey(Expression.ObjectItem item) {
        if (item.bareName() != null) {
            return item.bareName();
        }
        Expression key = item.key();
        if (key instanceof Expression.TemplateExpr template && template.isStringLiteral()) {
            return escapeTemplate(template.literalValue());
        }
        if (key instanceof Expression.LiteralValue literal && literal.value() != null) {
            return literal.value() instanceof BigDecimal n ? n.stripTrailingZeros().toPlainString()
                    : literal.value().toString();
        }
        return null;
    }

    private static String escapeTemplate(String s) {
        return s.replace("${", "$${").replace("%{", "%%{");
    }

    // ---------------------------------------------------------------- comparison

    private static void compare(Object ours, JsonNode theirs, String path, List<String> diffs) {
        if (ours == EXPRESSION) {
            if (!theirs.isTextual()) {
                diffs.add(path + ": ours is an expression, HashiCorp's " + theirs);
            }
        } else if (ours instanceof TemplateText template) {
            if (!theirs.isTextual()) {
                diffs.add(path + ": ours is a template, HashiCorp's " + theirs);
                return;
            }
            String text = theirs.textValue();
            int from = 0;
            for (String literal : template.literals()) {
                int raw = text.indexOf(literal, from);
                int escaped = text.indexOf(escapeTemplate(literal), from);
                int at = raw >= 0 ? raw : escaped;
                if (at < 0) {
                    diffs.add(path + ": template text " + SyntaxPrinter.quote(literal) + " not found in order in"
                            + " HashiCorp's " + SyntaxPrinter.quote(text));
                    return;
                }
                from = at + (raw >= 0 ? literal.length() : escapeTemplate(literal).length());
            }
        } else if (ours == SOME_OBJECT) {
            if (!theirs.isObject()) {
                diffs.add(path + ": ours is an object, HashiCorp's " + theirs);
            }
        } else if (ours == null) {
            if (!theirs.isNull()) {
                diffs.add(path + ": ours null, HashiCorp's " + theirs);
            }
        } else if (ours instanceof BigDecimal n) {
            // hcl2json writes numbers beyond float64 precision rounded, so a float64-equal value agrees
            if (!theirs.isNumber() || (theirs.decimalValue().compareTo(n) != 0
                    && theirs.doubleValue() != n.doubleValue())) {
                diffs.add(path + ": ours " + n.toPlainString() + ", HashiCorp's " + theirs);
            }
        } else if (ours instanceof Boolean b) {
            if (!theirs.isBoolean() || theirs.booleanValue() != b) {
                diffs.add(path + ": ours " + b + ", HashiCorp's " + theirs);
            }
        } else if (ours instanceof String s) {
            if (!theirs.isTextual() || !theirs.textValue().equals(s)) {
                diffs.add(path + ": ours " + SyntaxPrinter.quote(s) + ", HashiCorp's " + theirs);
            }
        } else if (ours instanceof List<?> list) {
            if (!theirs.isArray() || theirs.size() != list.size()) {
                diffs.add(path + ": ours a list of " + list.size() + ", HashiCorp's " + abbreviate(theirs));
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                compare(list.get(i), theirs.get(i), path + "[" + i + "]", diffs);
            }
        } else if (ours instanceof Map<?, ?> map) {
            if (!theirs.isObject()) {
                diffs.add(path + ": ours an object, HashiCorp's " + abbreviate(theirs));
                return;
            }
            TreeSet<String> theirKeys = new TreeSet<>();
            for (Iterator<String> it = theirs.fieldNames(); it.hasNext(); ) {
                theirKeys.add(it.next());
            }
            TreeSet<String> ourKeys = new TreeSet<>();
            for (Object k : map.keySet()) {
                ourKeys.add((String) k);
            }
            if (!ourKeys.equals(theirKeys)) {
                diffs.add(path + ": ours keys " + ourKeys + ", HashiCorp's " + theirKeys);
                return;
            }
            for (String k : ourKeys) {
                compare(map.get(k), theirs.get(k), path + "." + k, diffs);
            }
        } else {
            throw new IllegalStateException("unexpected converted value " + ours);
        }
    }

    private static String abbreviate(JsonNode node) {
        String s = node.toString();
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
