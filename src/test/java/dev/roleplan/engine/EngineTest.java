package dev.roleplan.engine;

import dev.roleplan.model.Model;
import dev.roleplan.rules.BuiltInRules;
import dev.roleplan.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.roleplan.testing.Fixtures.container;
import static dev.roleplan.testing.Fixtures.role;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rules run side by side; what comes out does not depend on which thread ran what. */
class EngineTest {

    private static Model model() {
        return Fixtures.model(
                taskDefinition("aws_ecs_task_definition.a")
                        .execution(role("aws_iam_role.shared").inline("p", "{\"Version\":\"2012-10-17\",\"Statement\":"
                                + "[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"))
                        .task(role("aws_iam_role.shared"))
                        .container(container("app").image("123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1")),
                taskDefinition("aws_ecs_task_definition.b")
                        .execution(role("aws_iam_role.exec"))
                        .container(container("web").image("nginx")));
    }

    @Test
    void parallelRunsGiveTheSameFindingsInTheSameOrderAsOneThread() {
        List<Finding> first = new Engine(BuiltInRules.all()).run(model());
        assertTrue(first.size() > 5, first.toString());
        for (int i = 0; i < 5; i++) {
            assertEquals(first, new Engine(BuiltInRules.all()).run(model()));
        }
        // rules given in another order: the same findings in the same order
        List<Rule> shuffled = new ArrayList<>(BuiltInRules.all());
        Collections.reverse(shuffled);
        assertEquals(first, new Engine(shuffled).run(model()));
    }

    /** A rule with this metadata whose check does what {@code check} does with the context. */
    private static Rule rule(RuleMeta meta, java.util.function.Consumer<RuleContext> check) {
        return new Rule() {
            @Override
            public void check(RuleContext context, Reporter reporter) {
                check.accept(context);
            }

            @Override
            public RuleMeta meta() {
                return meta;
            }
        };
    }

    @Test
    void aRuleThatThrowsIsNamedWhicheverThreadRanIt() {
        Rule broken = rule(BuiltInRules.all().get(0).meta(), context -> {
            throw new IllegalStateException("boom");
        });
        List<Rule> rules = new ArrayList<>(BuiltInRules.all());
        rules.add(broken);
        Engine.RuleFailure e = assertThrows(Engine.RuleFailure.class, () -> new Engine(rules).run(model()));
        assertTrue(e.getMessage().contains("boom"), e.getMessage());
    }

    @Test
    void aRuleBuildingOnAFailedRuleNamesTheFailedOne() {
        RuleMeta failing = BuiltInRules.all().get(0).meta();
        RuleMeta asking = BuiltInRules.all().get(1).meta();
        Rule broken = rule(failing, context -> {
            throw new IllegalStateException("boom");
        });
        Rule dependent = rule(asking, context -> context.findings(broken)); // as RP701 asks for RP3xx/RP4xx findings
        Engine.RuleFailure e = assertThrows(Engine.RuleFailure.class, () -> new Engine(List.of(dependent)).run(model()));
        assertEquals(failing.id(), e.ruleId());
    }

    @Test
    void aCachedFactIsComputedOnceWhenThreadsAskTogether() throws Exception {
        RuleContext context = new RuleContext(model());
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Object[] results = new Object[2];
        Thread first = new Thread(() -> results[0] = context.cached("fact", k -> {
            computed.incrementAndGet();
            inside.countDown();
            await(release);
            return new Object();
        }));
        first.start();
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        Thread second = new Thread(() -> results[1] = context.cached("fact", k -> {
            computed.incrementAndGet();
            return new Object();
        }));
        second.start();
        release.countDown();
        first.join(10_000);
        second.join(10_000);
        assertEquals(1, computed.get());
        assertSame(results[0], results[1]);
    }

    @Test
    void aFailedComputationFailsEveryoneWhoAsked() {
        RuleContext context = new RuleContext(model());
        assertThrows(IllegalStateException.class, () -> context.cached("bad", k -> {
            throw new IllegalStateException("no");
        }));
        IllegalStateException again = assertThrows(IllegalStateException.class, () -> context.cached("bad", k -> "late"));
        assertEquals("no", again.getMessage());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
