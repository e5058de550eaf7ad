package dev.roleplan.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roleplan.app.Version;
import dev.roleplan.engine.Engine;
import dev.roleplan.engine.Finding;
import dev.roleplan.engine.Rule;
import dev.roleplan.input.plan.PlanReader;
import dev.roleplan.model.Model;
import dev.roleplan.resolve.Resolver;
import dev.roleplan.rules.BuiltInRules;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Image;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Names an attacker controls (resource names, family, container names, role names, policy Sid, Action and Resource)
 * carrying Markdown, HTML, an @-mention, workflow commands, ANSI escapes and bidirectional controls: every format
 * must print them inert.
 */
class HostileNamesTest {

    /** Everything at once; the findings quote it from several places. */
    static final String HOSTILE = "x<img src=x onerror=alert(1)> *b* [l](https://evil.example) @octocat `c` | "
            + "::set-output name=x::1 %0A\n::error::forged\u001b[31mred\u001b[0m\u202Eevil\u202C\u0085\r\n"
            + "::warning file=a::w <!-- c --> <script>";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Report report;
    private static List<Finding> findings;

    @BeforeAll
    static void analyse() throws Exception {
        Map<String, Object> plan = plan();
        byte[] bytes = JSON.writeValueAsBytes(plan);
        Model model = new Resolver().resolve(List.of(new PlanReader().read(new ByteArrayInputStream(bytes), "hostile.json")));
        List<Rule> rules = BuiltInRules.all();
        findings = new Engine(rules).run(model);
        report = Report.of(Version.tool(), model, findings, rules.stream().map(Rule::meta).toList(), "high", List.of());
    }

    private static Map<String, Object> plan() throws Exception {
        String policy = JSON.writeValueAsString(Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                "Sid", HOSTILE, "Effect", "Allow", "Action", List.of("s3:" + HOSTILE, "iam:*"),
                "Resource", "arn:aws:s3:::" + HOSTILE))));
        String trust = JSON.writeValueAsString(Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                "Effect", "Allow", "Action", "sts:AssumeRole",
                "Principal", Map.of("Service", "ecs-tasks.amazonaws.com", "AWS", "arn:aws:iam::999999999999:role/" + HOSTILE)))));
        String containers = JSON.writeValueAsString(List.of(Map.of("name", HOSTILE, "image", HOSTILE, "essential", true,
                "environment", List.of(Map.of("name", "DB_PASSWORD_" + HOSTILE, "value", "hunter2hunter2")))));
        List<Map<String, Object>> resources = List.of(
                resource("aws_ecs_task_definition", "web", Map.of("family", HOSTILE, "container_definitions", containers,
                        "task_role_arn", "arn:aws:iam::123456789012:role/task")),
                resource("aws_iam_role", "task", Map.of("name", "task", "assume_role_policy", trust,
                        "arn", "arn:aws:iam::123456789012:role/task")),
                resource("aws_iam_role_policy", "p", Map.of("name", HOSTILE, "role", "task", "policy", policy)));
        return Map.of("format_version", "1.2", "terraform_version", "1.9.8",
                "planned_values", Map.of("root_module", Map.of("resources", resources)));
    }

    private static Map<String, Object> resource(String type, String name, Map<String, Object> values) {
        return Map.of("address", type + "." + name, "mode", "managed", "type", type, "name", name,
                "provider_name", "registry.terraform.io/hashicorp/aws", "values", values);
    }

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f\\u200e\\u200f\\u061c\\u202a-\\u202e\\u2066-\\u2069\\u2028\\u2029]");

    @Test
    void theHostileStringReachesTheFindings() {
        // otherwise the tests below would prove nothing
        assertTrue(findings.size() >= 3, findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.message().contains("::error::forged")), findings.toString());
    }

    @Test
    void textShowsControlsEscapedAndStartsNoLineWithACommand() {
        String text = new TextReport().render(report);
        assertFalse(CONTROL.matcher(text).find(), "no raw control character: " + text);
        for (String line : text.split("\n")) {
            assertFalse(line.strip().startsWith("::"), "no workflow command line: " + line);
        }
        assertTrue(text.contains("\\n::error::forged\\u001b[31mred\\u001b[0m<U+202E>evil<U+202C>\\u0085\\r\\n::warning"), text);
    }

    @Test
    void jsonAndSarifAreEscapedAndKeepTheStringIntact() throws Exception {
        for (String out : List.of(new JsonReport().render(report), new SarifReport().render(report))) {
            assertFalse(Pattern.compile("[\\x00-\\x09\\x0b-\\x1f]").matcher(out).find(), "controls are \\u-escaped");
            JsonNode tree = JSON.readTree(out);
            List<String> texts = new ArrayList<>();
            collect(tree, texts);
            assertTrue(texts.stream().anyMatch(t -> t.contains(HOSTILE)), "round-trips exactly");
        }
    }

    @Test
    void junitIsWellFormedXml() throws Exception {
        String xml = new JunitReport().render(report);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertFalse(xml.contains("<script>") || xml.contains("<img"), "markup escaped");
        assertFalse(Pattern.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f]").matcher(xml).find(), "no character XML 1.0 forbids");
    }

    @Test
    void markdownHasNoActiveConstruct() {
        String md = new MarkdownReport().render(report);
        var document = Parser.builder().extensions(List.of(TablesExtension.create())).build().parse(md);
        List<String> active = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlInline html) {
                // roleplan's own fixed tags; anything from the input would be escaped text
                if (!List.of("<sub>", "</sub>", "<details>", "</details>", "<summary>", "</summary>").contains(html.getLiteral())) {
                    active.add("html " + html.getLiteral());
                }
            }

            @Override
            public void visit(HtmlBlock html) {
                active.add("html block " + html.getLiteral());
            }

            @Override
            public void visit(Link link) {
                if (!link.getDestination().startsWith("https://github.com/roleplan/roleplan/")) {
                    active.add("link " + link.getDestination());
                }
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                active.add("image " + image.getDestination());
            }
        });
        assertEquals(List.of(), active);
        assertFalse(md.contains("@octocat"), "no mention: @ is followed by a zero-width joiner");
        assertFalse(CONTROL.matcher(md).find(), "no raw control character");
        for (String line : md.split("\n")) {
            assertFalse(line.strip().startsWith("::"), "no workflow command line: " + line);
        }
    }

    @Test
    void annotationsForgeNoCommand() {
        String annotations = GitHubAnnotations.render(report);
        String[] lines = annotations.split("\n");
        Pattern command = Pattern.compile("::(error|warning|notice)( [a-z]+=[^:,]*(,[a-z]+=[^:,]*)*)?::[^\\r\\n]*");
        for (String line : lines) {
            assertTrue(command.matcher(line).matches(), "only our own commands: " + line);
        }
        assertEquals(findings.size(), lines.length, "one command per finding, no forged extra line:\n" + annotations);
        assertTrue(annotations.contains("%250A"), "a literal %0A stays literal");
        assertFalse(annotations.contains("\u001b"), "no ANSI escape");
        assertFalse(CONTROL.matcher(annotations).find(), "no raw control or bidi character");
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.textValue());
        }
        node.forEach(child -> collect(child, out));
    }
}
