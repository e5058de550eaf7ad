package dev.roleplan.resolve;

import dev.roleplan.input.plan.PlanReader;
import dev.roleplan.model.Infrastructure;
import dev.roleplan.model.Model;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Each fixture under testdata/plans beside the exact resolution it must give ({@code NAME.expected.txt}).
 * Set -Droleplan.regenerate=true to rewrite the expectations after a deliberate change (then read the diff).
 */
class ScenarioTest {

    static final Path PLANS = Path.of("testdata/plans");

    @ParameterizedTest
    @ValueSource(strings = {
            "modules_for_each_roles_from_module_outputs",
            "count_indexed_roles",
            "unknown_external_and_absent_roles",
            "format_0_1_references",
            "opentofu_forget_replace_and_ephemeral",
            "prior_state_only_roles_with_known_arns",
            "duplicate_inline_policy_counted_once",
            "data_policy_documents_from_prior_state_and_rebuilt",
            "sensitive_values_collected",
            "corpus/gruntwork-io__terratest__test__fixtures__terraform-aws-ecs-json__plan",
            "corpus/bridgecrewio__checkov__tests__terraform__image_referencer__resources__aws__ecs_tfplan",
    })
    void resolvesAsExpected(String name) throws Exception {
        Infrastructure input = new PlanReader().read(PLANS.resolve(name + ".json"));
        // Without the managed-policy catalog, so that refreshing the bundled data cannot change these expectations.
        Model model = new Resolver(ManagedPolicyLookup.none()).resolve(List.of(input));
        String actual = ModelDump.dump(model);
        Path expected = PLANS.resolve(name + ".expected.txt");
        if (Boolean.getBoolean("roleplan.regenerate") || !Files.exists(expected)) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
            fail("wrote " + expected + ": review it, then run again");
        }
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual);
    }
}
