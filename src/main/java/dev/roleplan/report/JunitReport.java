package dev.roleplan.report;

import dev.roleplan.engine.Finding;
import dev.roleplan.engine.RuleMeta;
import dev.roleplan.model.TaskDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --format junit}: JUnit XML for CI systems that show test results. Suite "task definitions" has one
 * test case per task definition × rule that ran (classname = the task definition's address, name = rule id
 * and name); a case with active findings fails and its failure element lists them; a case with only
 * suppressed findings is skipped with the reasons. Findings about no task definition go in a second suite,
 * one case per rule. Everything from the input is escaped, and characters XML 1.0 cannot hold are replaced.
 */
public final class JunitReport implements Renderer {

    @Override
    public String render(Report report) {
        List<RuleMeta> rules = report.rules();
        List<Suite> suites = new ArrayList<>();
        Suite tds = new Suite("roleplan: task definitions");
        for (TaskDefinition td : report.taskDefinitions()) {
            String address = td.address().text();
            for (RuleMeta rule : rules) {
                tds.cases.add(new Case(address, rule, report.findings().stream()
                        .filter(f -> address.equals(f.taskDefinition()) && f.rule().id().equals(rule.id())).toList()));
            }
        }
        suites.add(tds);
        Map<String, List<Finding>> other = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            if (f.taskDefinition() == null) {
                other.computeIfAbsent(f.rule().id(), k -> new ArrayList<>()).add(f);
            }
        }
        if (!other.isEmpty()) {
            Suite rest = new Suite("roleplan: findings about no task definition");
            for (RuleMeta rule : rules) {
                if (other.containsKey(rule.id())) {
                    rest.cases.add(new Case("roleplan", rule, other.get(rule.id())));
                }
            }
            // Rules that reported but are missing from the list (a report built from findings alone).
            other.forEach((id, list) -> {
                if (rules.stream().noneMatch(r -> r.id().equals(id))) {
                    rest.cases.add(new Case("roleplan", list.get(0).rule(), list));
                }
            });
            suites.add(rest);
        }
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        int tests = suites.stream().mapToInt(s -> s.cases.size()).sum();
        long failures = suites.stream().mapToLong(Suite::failures).sum();
        long skipped = suites.stream().mapToLong(Suite::skipped).sum();
        out.append("<testsuites name=\"roleplan\" tests=\"").append(tests).append("\" failures=\"").append(failures)
                .append("\" errors=\"0\" skipped=\"").append(skipped).append("\">\n");
        for (Suite s : suites) {
            out.append("  <testsuite name=\"").append(attr(s.name)).append("\" tests=\"").append(s.cases.size())
                    .append("\" failures=\"").append(s.failures()).append("\" errors=\"0\" skipped=\"").append(s.skipped())
                    .append("\">\n");
            for (Case c : s.cases) {
                c.write(out);
            }
            out.append("  </testsuite>\n");
        }
        return out.append("</testsuites>\n").toString();
    }

    private static final class Suite {
        final String name;
        final List<Case> cases = new ArrayList<>();

        Suite(String name) {
            this.name = name;
        }

        long failures() {
            return cases.stream().filter(c -> !c.active().isEmpty()).count();
        }

        long skipped() {
            return cases.stream().filter(c -> c.active().isEmpty() && !c.findings.isEmpty()).count();
        }
    }

    private record Case(String classname, RuleMeta rule, List<Finding> findings) {
        List<Finding> active() {
            return findings.stream().filter(f -> !f.isSuppressed()).toList();
        }

        void write(StringBuilder out) {
            out.append("    <testcase classname=\"").append(attr(classname)).append("\" name=\"")
                    .append(attr(rule.id() + " " + rule.name())).append('"');
            List<Finding> active = active();
            if (findings.isEmpty()) {
                out.append("/>\n");
                return;
            }
            out.append(">\n");
            if (!active.isEmpty()) {
                Finding worst = active.get(0);
                String message = active.size() == 1 ? worst.message() : active.size() + " findings: " + worst.message() + " …";
                out.append("      <failure type=\"").append(worst.severity().label()).append("\" message=\"")
                        .append(attr(message)).append("\">");
                StringBuilder body = new StringBuilder();
                for (Finding f : active) {
                    body.append('[').append(f.severity().label()).append("] ").append(f.message()).append('\n');
                    String path = TextReport.path(f);
                    if (!path.isEmpty()) {
                        body.append("  ").append(path).append('\n');
                    }
                    if (f.location() != null) {
                        body.append("  at ").append(f.location()).append('\n');
                    }
                    body.append("  ").append(f.rule().docUrl()).append('\n');
                }
                out.append(text(body.toString())).append("</failure>\n");
            } else {
                StringBuilder why = new StringBuilder("suppressed: ");
                for (Finding f : findings) {
                    why.append(f.suppression().source().label()).append(" (").append(f.suppression().reason()).append("); ");
                }
                out.append("      <skipped message=\"").append(attr(why.substring(0, why.length() - 2))).append("\"/>\n");
            }
            out.append("    </testcase>\n");
        }
    }

    /** Element text: &, <, > escaped; characters XML 1.0 forbids replaced by U+FFFD. */
    static String text(String s) {
        return escape(s, false);
    }

    /** Attribute values: also quotes, and line breaks and tabs as character references so they survive. */
    static String attr(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean attribute) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\'' -> out.append(attribute ? "&apos;" : "'");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    boolean allowed = (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
                    if (allowed) {
                        out.appendCodePoint(cp);
                    } else {
                        out.append('\uFFFD');
                    }
                }
            }
        });
        return out.toString();
    }
}
