package dev.roleplan.report;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JunitReportTest {

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void oneCasePerTaskDefinitionAndRuleWithFailuresAndSkips() throws Exception {
        Report report = SampleReports.typical();
        Document doc = parse(new JunitReport().render(report));
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        NodeList suites = root.getElementsByTagName("testsuite");
        assertEquals(1, suites.getLength(), "every sample finding has a task definition");
        Element suite = (Element) suites.item(0);
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(3 * 9, cases.getLength(), "3 task definitions × 9 rules");
        assertEquals("27", suite.getAttribute("tests"));
        List<String> failing = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            String id = c.getAttribute("classname") + " " + c.getAttribute("name");
            if (c.getElementsByTagName("failure").getLength() > 0) {
                failing.add(id);
            }
            if (c.getElementsByTagName("skipped").getLength() > 0) {
                skipped.add(id);
            }
        }
        assertEquals(List.of(
                "module.svc.aws_ecs_task_definition.app[\"api\"] RP201 execution-role-missing-required-permission",
                "module.svc.aws_ecs_task_definition.app[\"api\"] RP301 allows-all-actions",
                "module.svc.aws_ecs_task_definition.app[\"api\"] RP302 allows-service-wildcard",
                "module.legacy.aws_ecs_task_definition.worker RP101 same-task-and-execution-role",
                "aws_ecs_task_definition.batch RP104 role-not-resolved"), failing);
        assertEquals(List.of("module.legacy.aws_ecs_task_definition.worker RP304 allow-with-not-action-or-not-resource"), skipped);
        assertEquals("5", suite.getAttribute("failures"));
        Element rp104 = (Element) ((Element) cases.item(2 * 9 + 1)).getElementsByTagName("failure").item(0);
        assertEquals("info", rp104.getAttribute("type"));
        assertTrue(rp104.getTextContent().startsWith("[info] The execution role of aws_ecs_task_definition.batch is external"),
                rp104.getTextContent());
    }

    @Test
    void hostileNamesStayValidXmlAndComeBackIntact() throws Exception {
        Document doc = parse(new JunitReport().render(SampleReports.hostile()));
        Element first = (Element) doc.getElementsByTagName("testcase").item(0);
        assertEquals(SampleReports.HOSTILE_TD, first.getAttribute("classname"));
        String withControl = JunitReport.attr("a\u0000b\u001fc\"d'e<f>&\n");
        Element parsed = parse("<x a=\"" + withControl + "\"/>").getDocumentElement();
        assertEquals("a\uFFFDb\uFFFDc\"d'e<f>&\n", parsed.getAttribute("a"));
    }

    @Test
    void findingsWithoutATaskDefinitionGoToTheirOwnSuite() throws Exception {
        Report base = SampleReports.clean();
        var orphan = new dev.roleplan.engine.Finding(SampleReports.RP201, dev.roleplan.engine.Severity.HIGH, "policy <x> is broken",
                null, null, null, "aws_iam_policy.x", null, null, null, null, "fp");
        Report report = new Report("test", base.inputs(), base.taskDefinitions(), List.of(orphan), List.of(), base.redactor(),
                base.rules(), "high");
        Document doc = parse(new JunitReport().render(report));
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertEquals(2, suites.getLength());
        Element other = (Element) suites.item(1);
        assertEquals("roleplan: findings about no task definition", other.getAttribute("name"));
        Element c = (Element) other.getElementsByTagName("testcase").item(0);
        assertEquals("roleplan", c.getAttribute("classname"));
        assertEquals("policy <x> is broken", ((Element) c.getElementsByTagName("failure").item(0)).getAttribute("message"));
    }

    @Test
    void sameReportSameBytes() {
        assertEquals(new JunitReport().render(SampleReports.typical()), new JunitReport().render(SampleReports.typical()));
    }
}
