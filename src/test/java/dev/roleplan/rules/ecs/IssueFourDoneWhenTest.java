package dev.roleplan.rules.ecs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roleplan.ecs.Requirement;
import dev.roleplan.ecs.Requirements;
import dev.roleplan.engine.Finding;
import dev.roleplan.engine.Rule;
import dev.roleplan.iam.Decision;
import dev.roleplan.iam.PolicyEvaluator;
import dev.roleplan.iam.PolicyParser;
import dev.roleplan.model.Model;
import dev.roleplan.model.PolicyDocument;
import dev.roleplan.model.RoleKind;
import dev.roleplan.rules.BuiltInRules;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.roleplan.rules.ecs.EcsScenes.EXACT_POLICY;
import static dev.roleplan.rules.ecs.EcsScenes.EXEC_MANAGED;
import static dev.roleplan.rules.ecs.EcsScenes.LOG_GROUP;
import static dev.roleplan.rules.ecs.EcsScenes.PULL_AND_LOGS;
import static dev.roleplan.rules.ecs.EcsScenes.REPOSITORY;
import static dev.roleplan.rules.ecs.EcsScenes.SECRET;
import static dev.roleplan.rules.ecs.EcsScenes.TASK_TRUST;
import static dev.roleplan.rules.ecs.EcsScenes.TD;
import static dev.roleplan.rules.ecs.EcsScenes.managedExecutionPolicy;
import static dev.roleplan.rules.ecs.EcsScenes.place;
import static dev.roleplan.rules.ecs.EcsScenes.run;
import static dev.roleplan.rules.ecs.EcsScenes.web;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three "done when" cases of issue 4, with every built-in rule running. */
class IssueFourDoneWhenTest {

    private static final Rule[] ALL = BuiltInRules.all().toArray(new Rule[0]);

    private static List<Finding> of(String rule, List<Finding> findings) {
        return findings.stream().filter(f -> f.rule().id().equals(rule)).toList();
    }

    @Test
    void aMissingSecretPermissionIsRp201NamingTheSecretTheContainerAndTheError() {
        Model model = place().build(taskDefinition(TD).container(web())
                .execution(role("aws_iam_role.exec").inline("aws_iam_role_policy.exec", PULL_AND_LOGS))
                .task(role("aws_iam_role.task").trust(TASK_TRUST)));
        List<Finding> rp201 = of("RP201", run(model, ALL));
        assertEquals(1, rp201.size());
        String message = rp201.get(0).message();
        assertTrue(message.contains("secretsmanager:GetSecretValue on " + SECRET), message);
        assertTrue(message.contains("container \"web\""), message);
        assertTrue(message.contains("ResourceInitializationError"), message);
    }

    @Test
    void theManagedPolicyIsRp202WithASuggestionScopedToOneRepositoryAndLogGroupThatRoundTrips() throws Exception {
        Model model = place().build(taskDefinition(TD).container(web())
                .execution(role("aws_iam_role.exec").managed(EXEC_MANAGED, managedExecutionPolicy()))
                .task(role("aws_iam_role.task").trust(TASK_TRUST)));
        List<Finding> all = run(model, ALL);
        List<Finding> rp202 = of("RP202", all);
        assertEquals(1, rp202.size());
        assertEquals(EXEC_MANAGED, rp202.get(0).policy());
        assertEquals(1, of("RP201", all).size(), "the managed policy does not grant the secret");

        // The suggestion exactly as a user would copy it from the JSON report.
        String json = new ObjectMapper().writeValueAsString(((java.util.Map<?, ?>) rp202.get(0).suggestion()).get("policy"));
        assertTrue(json.contains("\"Resource\":\"" + REPOSITORY + "\"") && json.contains("\"Resource\":\"" + LOG_GROUP + "\""), json);
        assertEquals(EXACT_POLICY, json);
        PolicyDocument suggested = PolicyParser.parse(json);
        List<Requirement> required = Requirements.analyse(model.taskDefinitions().get(0), model).of(RoleKind.EXECUTION);
        List<String> wrong = new ArrayList<>();
        for (Requirement r : required) {
            if (PolicyEvaluator.evaluate(List.of(suggested), null, r.action(), r.resource()).decision() != Decision.ALLOWED) {
                wrong.add("denied: " + r.action() + " " + r.resource());
            }
        }
        for (String[] probe : SuggestedPolicyRoundTripTest.neighbours(required)) {
            if (PolicyEvaluator.evaluate(List.of(suggested), null, probe[0], probe[1]).decision() != Decision.DENIED_IMPLICIT) {
                wrong.add("allowed: " + probe[0] + " " + probe[1]);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void rolesThatGrantExactlyWhatIsRequiredGetNoFindingAtAll() {
        Model model = place().build(taskDefinition(TD).container(web())
                .execution(role("aws_iam_role.exec").inline("aws_iam_role_policy.exec", EXACT_POLICY))
                .task(role("aws_iam_role.task").trust(TASK_TRUST)));
        assertEquals(List.of(), run(model, ALL).stream().map(f -> f.rule().id() + ": " + f.message()).toList());
    }
}
