package dev.roleplan.report;

import dev.roleplan.engine.Engine;
import dev.roleplan.engine.Finding;
import dev.roleplan.engine.Fingerprints;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleMeta;
import dev.roleplan.engine.Severity;
import dev.roleplan.engine.Suppression;
import dev.roleplan.model.Model;
import dev.roleplan.model.Notice;
import dev.roleplan.model.RoleKind;
import dev.roleplan.model.RoleStatus;
import dev.roleplan.model.SourceLocation;
import dev.roleplan.rules.BuiltInRules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.roleplan.testing.Fixtures.model;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;

/** Reports for renderer tests, built from models through the real engine and rules. */
final class SampleReports {

    static final String STAR = """
            {"Version":"2012-10-17","Statement":[{"Sid":"Everything","Effect":"Allow","Action":"*","Resource":"*"}]}""";
    static final String S3_STAR = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*","logs:CreateLogStream"],"Resource":"*"}]}""";
    static final String NOT_ACTION = """
            {"Version":"2012-10-17","Statement":[{"Sid":"AllButIam","Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}""";
    static final String LOGS = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":"*"}]}""";

    /** RP201's metadata as the requirements rules will declare it; the suggestion shape is DESIGN.md's. */
    static final RuleMeta RP201 = new RuleMeta("RP201", "execution-role-missing-required-permission", Severity.HIGH,
            "The execution role lacks a permission its task definition needs",
            "The ECS agent uses the execution role to pull images, ship logs and fetch secrets; without the permission "
                    + "the task fails to start. Grant the listed actions on the listed resources.");

    private SampleReports() {
    }

    /**
     * A fixed set of rules, so renderer tests show rendering, not the rule catalog: a new rule must not
     * change these samples.
     */
    private static final java.util.Set<String> SAMPLE_RULES = java.util.Set.of(
            "RP101", "RP104", "RP105", "RP107", "RP301", "RP302", "RP304", "RP901");

    static List<Rule> rules() {
        return BuiltInRules.all().stream().filter(r -> SAMPLE_RULES.contains(r.meta().id())).toList();
    }

    static List<RuleMeta> metas() {
        List<RuleMeta> all = new ArrayList<>(rules().stream().map(Rule::meta).toList());
        all.add(RP201);
        return all;
    }

    static Report clean() {
        Model m = model(taskDefinition("aws_ecs_task_definition.api").at("ecs.tf", 1)
                .execution(role("aws_iam_role.exec").inlineAt("aws_iam_role_policy.exec_logs", LOGS, "iam.tf", 12))
                .task(role("aws_iam_role.task")));
        return report(m, List.of());
    }

    /** Three task definitions: the usual problems, one suppressed finding and one with a suggested policy. */
    static Report typical() {
        var exec = role("aws_iam_role.exec").at("iam.tf", 1)
                .managed("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy", LOGS)
                .inlineAt("aws_iam_role_policy.exec_extra", S3_STAR, "iam.tf", 20);
        var task = role("aws_iam_role.task").at("iam.tf", 40).inlineAt("aws_iam_role_policy.task_admin", STAR, "iam.tf", 50);
        var shared = role("module.legacy.aws_iam_role.shared").inlineAt("module.legacy.aws_iam_role_policy.broad", NOT_ACTION,
                "modules/legacy/main.tf", 7);
        Model m = model(
                taskDefinition("module.svc.aws_ecs_task_definition.app[\"api\"]").family("api").at("modules/svc/main.tf", 3)
                        .execution(exec).task(task),
                taskDefinition("module.legacy.aws_ecs_task_definition.worker").family("worker").at("modules/legacy/main.tf", 30)
                        .execution(shared).task(shared),
                taskDefinition("aws_ecs_task_definition.batch").family("batch")
                        .executionRef(RoleStatus.EXTERNAL, "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
                                "named by ARN but not defined in the input")
                        .taskRef(RoleStatus.UNKNOWN, null, "computed at apply time"));
        List<Finding> findings = new ArrayList<>(new Engine(rules()).run(m));
        findings.add(missingPermission("module.svc.aws_ecs_task_definition.app[\"api\"]", "aws_iam_role.exec"));
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            boolean accept = f.rule().id().equals("RP304");
            out.add(accept ? f.withSuppression(new Suppression("legacy worker, replaced in Q3 (JIRA-42)", "2027-03-01",
                    Suppression.Source.CONFIG, ".roleplan.yml suppressions[0]")) : f);
        }
        return report(m, out);
    }

    /** Names that try to break out of every format: pipes, backticks, HTML, mentions, comment ends, bidi, newlines. */
    static final String HOSTILE_TD = "aws_ecs_task_definition.app[\"a|b`c`<script>alert(1)</script>@org/team\u202Eevil-->x\ny\"]";
    static final String HOSTILE_ROLE = "aws_iam_role.r[\"@octocat **bold** <img src=x onerror=alert(1)> | ```\"]";

    static Report hostile() {
        var r = role(HOSTILE_ROLE).inline("aws_iam_role_policy.p[\"::error::forged%0A\"]", S3_STAR);
        Model m = model(taskDefinition(HOSTILE_TD).execution(r).task(role("aws_iam_role.task")));
        List<Finding> findings = new ArrayList<>(new Engine(rules()).run(m));
        findings.add(missingPermission(HOSTILE_TD, HOSTILE_ROLE));
        return report(m, findings);
    }

    /** Enough task definitions and findings that the Markdown must leave sections out. */
    static Report oversized() {
        List<dev.roleplan.testing.Fixtures.TaskDefinitionBuilder> tds = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String n = String.format("%03d", i);
            var exec = role("module.svc" + n + ".aws_iam_role.exec").inline("module.svc" + n + ".aws_iam_role_policy.exec", S3_STAR);
            var task = role("module.svc" + n + ".aws_iam_role.task").inline("module.svc" + n + ".aws_iam_role_policy.task", NOT_ACTION);
            var td = taskDefinition("module.svc" + n + ".aws_ecs_task_definition.app").execution(exec);
            if (i % 3 == 0) {
                td.taskRef(RoleStatus.EXTERNAL, "arn:aws:iam::123456789012:role/shared" + n, "named by ARN but not defined in the input");
            } else {
                td.task(i % 4 == 0 ? exec : task);
            }
            tds.add(td);
        }
        Model m = model(tds.toArray(new dev.roleplan.testing.Fixtures.TaskDefinitionBuilder[0]));
        return report(m, new Engine(rules()).run(m));
    }

    static Report report(Model m, List<Finding> findings) {
        List<Finding> sorted = findings.stream().sorted(Finding.ORDER).toList();
        return Report.of("test", m, sorted, metas(), "high",
                List.of(Notice.info("config", "read .roleplan.yml")));
    }

    static Finding missingPermission(String td, String roleAddress) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Action", List.of("secretsmanager:GetSecretValue"));
        statement.put("Resource", List.of("arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-*"));
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("Version", "2012-10-17");
        policy.put("Statement", List.of(statement));
        return new Finding(RP201, Severity.HIGH, "The execution role " + roleAddress + " of " + td
                + " cannot read the secret db-password that container \"api\" needs (secretsmanager:GetSecretValue).",
                td, RoleKind.EXECUTION, roleAddress, null, null, new SourceLocation("iam.tf", 1), "secret:db-password",
                Map.of("policy", policy), Fingerprints.of("RP201", td, "execution", roleAddress, null, null, "secret:db-password"));
    }
}
