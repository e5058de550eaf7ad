package dev.roleplan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roleplan.iam.ActionCatalog;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two Done-when cases of RP701 on real plan JSON, and roleplan diff between the two plans. */
class DiffCommandTest {

    private static final String ADD_DELETE = "testdata/diff/add-delete-object.plan.json";
    private static final String S3_WILDCARD = "testdata/diff/s3-wildcard.plan.json";

    private static String rp701(Cli r) {
        return r.out().lines().filter(l -> l.contains("allows")).map(String::strip).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void addingDeleteObjectListsExactlyThatNewAccess() {
        Cli r = Cli.run("check", ADD_DELETE, "--rule", "RP701", "--fail-on", "never");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("1 finding: 0 critical, 0 high, 0 medium, 0 low, 1 info"), r.out());
        assertEquals("After the change the task role aws_iam_role.task also allows s3:DeleteObject on arn:aws:s3:::assets/*.\n",
                rp701(r));
    }

    @Test
    void aWildcardReplacingAListIsCollapsedAndRaisedByRp302() throws IOException {
        Cli r = Cli.run("check", S3_WILDCARD, "--rule", "RP701", "--fail-on", "never");
        assertEquals("After the change the task role aws_iam_role.task also allows s3:* except s3:GetObject, s3:PutObject "
                + "on arn:aws:s3:::assets/*. Severity high because of RP302 (allows-service-wildcard) about this access.\n", rp701(r));
        Cli json = Cli.run("diff", ADD_DELETE.replace("add-delete-object", "s3-wildcard"), S3_WILDCARD, "--format", "json");
        assertEquals(0, json.code(), json.err());
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertEquals(0, root.get("task_definitions").size(), "a plan against itself: no delta");
    }

    @Test
    void inputLimitsApplyToBothInputs() {
        // the plans are 17 KB each: 1k refuses the base, which is read first
        Cli small = Cli.run("diff", ADD_DELETE, S3_WILDCARD, "--max-input-size", "1k");
        assertEquals(3, small.code(), small.err());
        assertEquals("", small.out());
        assertEquals(1, small.err().lines().count(), small.err());
        assertTrue(small.err().startsWith("roleplan: cannot read " + ADD_DELETE + ": refused: "), small.err());
        assertTrue(small.err().contains("maximum input size of 1k (--max-input-size)"), small.err());

        Cli shallow = Cli.run("diff", ADD_DELETE, S3_WILDCARD, "--max-depth", "3");
        assertEquals(3, shallow.code(), shallow.err());
        assertTrue(shallow.err().contains("(--max-depth)"), shallow.err());

        Cli usage = Cli.run("diff", ADD_DELETE, S3_WILDCARD, "--max-depth", "0");
        assertEquals(2, usage.code(), usage.err());
        assertEquals("roleplan: --max-depth 0: expected a positive number of levels\n", usage.err());
    }

    @Test
    void diffBetweenTwoPlansInText() {
        Cli r = Cli.run("diff", ADD_DELETE, S3_WILDCARD);
        assertEquals(0, r.code(), r.err());
        assertEquals("base: " + ADD_DELETE + "\nhead: " + S3_WILDCARD + "\n\n"
                + "aws_ecs_task_definition.api  task role aws_iam_role.task  (same role)  [high by RP302 (allows-service-wildcard)]\n"
                + "  + s3:* except s3:DeleteObject, s3:GetObject on arn:aws:s3:::assets/*\n\n"
                + "1 task definition role with new access, 0 with access removed only.\n",
                r.out().substring(r.out().indexOf('\n') + 1));
        // the reverse: access removed only, no severity
        Cli back = Cli.run("diff", S3_WILDCARD, ADD_DELETE);
        assertTrue(back.out().contains("aws_ecs_task_definition.api  task role aws_iam_role.task  (same role)\n"
                + "  - s3:* except s3:DeleteObject, s3:GetObject on arn:aws:s3:::assets/*\n"), back.out());
        assertTrue(back.out().contains("0 task definition roles with new access, 1 with access removed only."), back.out());
    }

    @Test
    void failOnGatesOnlyWhenGiven() {
        assertEquals(0, Cli.run("diff", ADD_DELETE, S3_WILDCARD).code());
        assertEquals(1, Cli.run("diff", ADD_DELETE, S3_WILDCARD, "--fail-on", "high").code());
        assertEquals(0, Cli.run("diff", ADD_DELETE, S3_WILDCARD, "--fail-on", "critical").code());
        assertEquals(0, Cli.run("diff", S3_WILDCARD, ADD_DELETE, "--fail-on", "info").code(), "removed access never fails");
        Cli bad = Cli.run("diff", ADD_DELETE, "testdata/diff/missing.json");
        assertEquals(3, bad.code());
        assertEquals("roleplan: cannot read testdata/diff/missing.json: no such file or directory\n", bad.err());
        assertEquals(2, Cli.run("diff", ADD_DELETE, S3_WILDCARD, "--format", "sarif").code());
    }

    @Test
    void jsonListsEveryActionAndTheSummary() throws IOException {
        Cli r = Cli.run("diff", ADD_DELETE, S3_WILDCARD, "--format", "json");
        JsonNode td = new ObjectMapper().readTree(r.out()).get("task_definitions").get(0);
        assertEquals("aws_ecs_task_definition.api", td.get("task_definition").asText());
        assertEquals("high", td.get("severity").asText());
        assertEquals("s3:* except s3:DeleteObject, s3:GetObject on arn:aws:s3:::assets/*", td.at("/added/summary/0").asText());
        long resourceLevel = ActionCatalog.get().expand("s3:*").stream().filter(a -> !a.isWildcardOnly()).count();
        assertEquals(resourceLevel - 2, td.at("/added/entries").size());
        assertEquals(0, td.at("/removed/entries").size());
    }

    @Test
    void markdownLeadsWithTheDelta() {
        Cli diff = Cli.run("diff", ADD_DELETE, S3_WILDCARD, "--format", "markdown");
        assertTrue(diff.out().contains("This change lets `aws_ecs_task_definition.api` (task role `aws_iam_role.task`) also do "
                + "(**high** by RP302 \\(allows\\-service\\-wildcard\\)):\n\n"
                + "- s3\\:\\* except s3\\:DeleteObject\\, s3\\:GetObject on arn\\:aws\\:s3\\:\\:\\:assets\\/\\*\n"), diff.out());
        Cli check = Cli.run("check", ADD_DELETE, "--format", "markdown", "--fail-on", "never");
        String md = check.out();
        int delta = md.indexOf("#### What this change grants\n\n- This change lets aws\\_ecs\\_task\\_definition\\.api (task role) do more, ");
        assertTrue(delta > 0, md);
        assertTrue(delta < md.indexOf("#### Task definitions"), md);
        assertTrue(md.contains("also allows s3\\:DeleteObject on arn\\:aws\\:s3\\:\\:\\:assets\\/\\*\\."), md);
    }

    @Test
    void aReplacedTaskDefinitionThatSwitchesRolesIsComparedRoleAgainstRole() {
        Cli r = Cli.run("check", "testdata/diff/role-swap.plan.json", "--rule", "RP701", "--fail-on", "never");
        assertEquals(0, r.code(), r.err());
        assertEquals("The task role changes from aws_iam_role.task to aws_iam_role.admin, which also allows s3:* except "
                + "s3:GetObject on arn:aws:s3:::assets/*. Severity high because of RP302 (allows-service-wildcard) about this access.\n",
                rp701(r));
    }
}
