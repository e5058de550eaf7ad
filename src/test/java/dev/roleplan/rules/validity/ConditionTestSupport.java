package dev.roleplan.rules.validity;

import dev.roleplan.engine.Engine;
import dev.roleplan.engine.Finding;
import dev.roleplan.engine.Rule;

import java.util.List;

import static dev.roleplan.testing.Fixtures.model;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;

/** Runs one rule over a task role holding one inline policy and returns the messages. */
final class ConditionTestSupport {

    private ConditionTestSupport() {
    }

    static List<String> messages(Rule rule, String json) {
        var m = model(taskDefinition("aws_ecs_task_definition.a").task(role("aws_iam_role.task").inline("aws_iam_role_policy.p", json)));
        return new Engine(List.of(rule)).run(m).stream().map(Finding::message).toList();
    }

    /** A one-statement policy: Allow ACTION on RESOURCE with the given Condition object. */
    static String policy(String action, String resource, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\""
                + resource + "\"" + (condition == null ? "" : ",\"Condition\":" + condition) + "}}";
    }
}
