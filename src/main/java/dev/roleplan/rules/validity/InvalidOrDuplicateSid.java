package dev.roleplan.rules.validity;

import dev.roleplan.engine.Reporter;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.engine.RuleInfo;
import dev.roleplan.engine.Severity;
import dev.roleplan.model.AttachedPolicy;
import dev.roleplan.model.Statement;
import dev.roleplan.rules.PolicyStatement;
import dev.roleplan.rules.RoleUse;

import java.util.HashMap;
import java.util.Map;

@RuleInfo(id = "RP507", severity = Severity.LOW,
        summary = "A Sid has characters other than letters and digits, or two statements of one policy share it",
        description = "IAM identity policies accept only ASCII letters and digits in a Sid and reject the policy "
                + "otherwise when it is created through the IAM API; a Sid that two statements share makes findings, "
                + "logs and reviews point at the wrong statement. Use a unique alphanumeric Sid per statement.")
public final class InvalidOrDuplicateSid implements Rule {

    @Override
    public void check(RuleContext context, Reporter reporter) {
        for (RoleUse use : RoleUse.resolved(context.model())) {
            for (AttachedPolicy policy : PolicyStatement.authoredPolicies(use.role())) {
                Map<String, Statement> firstBySid = new HashMap<>();
                for (Statement s : policy.document().orNull().statements()) {
                    String sid = s.sid();
                    if (sid == null || sid.isEmpty()) {
                        continue;
                    }
                    if (!isValid(sid)) {
                        reporter.at(use.taskDefinition()).role(use.ref()).policy(policy).statement(s).key("invalid")
                                .message("Statement " + s.index() + " of " + policy.id() + ": Sid \"" + sid
                                        + "\" may contain only letters and digits (A-Z, a-z, 0-9).");
                    }
                    Statement first = firstBySid.putIfAbsent(sid, s);
                    if (first != null) {
                        reporter.at(use.taskDefinition()).role(use.ref()).policy(policy).statement(s)
                                .key("duplicate " + s.index())
                                .message("Statement " + s.index() + " of " + policy.id() + ": Sid \"" + sid
                                        + "\" is already used by statement " + first.index() + ".");
                    }
                }
            }
        }
    }

    static boolean isValid(String sid) {
        for (int i = 0; i < sid.length(); i++) {
            char c = sid.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum) {
                return false;
            }
        }
        return true;
    }
}
