package dev.roleplan.rules.validity;

import dev.roleplan.engine.Reporter;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.engine.RuleInfo;
import dev.roleplan.engine.Severity;
import dev.roleplan.iam.Arn;
import dev.roleplan.model.AttachedPolicy;
import dev.roleplan.model.PolicyDocument;
import dev.roleplan.model.Statement;
import dev.roleplan.rules.PolicyStatement;
import dev.roleplan.rules.RoleUse;

import java.util.List;
import java.util.Optional;

@RuleInfo(id = "RP503", severity = Severity.HIGH,
        summary = "A policy is malformed: not valid JSON, missing Effect or Action, unknown Version, or an ARN that does not parse",
        description = "AWS rejects a malformed policy when it is created, so the apply fails; where it accepts one "
                + "(an ARN with a typo), the statement matches nothing. The message says where the problem is. Fix "
                + "the document; roleplan keeps judging the statements it could still understand.")
public final class MalformedPolicy implements Rule {

    @Override
    public void check(RuleContext context, Reporter reporter) {
        for (RoleUse use : RoleUse.resolved(context.model())) {
            for (AttachedPolicy policy : PolicyStatement.authoredPolicies(use.role())) {
                PolicyDocument doc = policy.document().orNull();
                for (String problem : doc.problems()) {
                    reporter.at(use.taskDefinition()).role(use.ref()).policy(policy).key(problem)
                            .message("Policy " + policy.id() + ": " + problem + ".");
                }
                for (Statement s : doc.statements()) {
                    if (s.resources() == null) {
                        continue;
                    }
                    String element = s.resources().negated() ? "NotResource" : "Resource";
                    List<String> values = s.resources().values();
                    for (int i = 0; i < values.size(); i++) {
                        int index = i;
                        arnProblem(values.get(i)).ifPresent(problem ->
                                reporter.at(use.taskDefinition()).role(use.ref()).policy(policy).statement(s)
                                        .key(element + "[" + index + "]")
                                        .message("Statement " + s.label() + " of " + policy.id() + ", " + element
                                                + (values.size() > 1 ? "[" + index + "]" : "") + ": " + problem + "."));
                    }
                }
            }
        }
    }

    /** What is wrong with a Resource value, or empty for {@code *}, a parsable ARN, or a value unknown until apply. */
    static Optional<String> arnProblem(String value) {
        if (value.equals("*") || value.startsWith("${")) {
            return Optional.empty();
        }
        if (!value.startsWith("arn:")) {
            return Optional.of("\"" + value + "\" is neither \"*\" nor an ARN (arn:partition:service:region:account:resource)");
        }
        try {
            Arn.parse(value);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}
