package dev.roleplan.rules.validity;

import dev.roleplan.engine.Reporter;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.engine.RuleInfo;
import dev.roleplan.engine.Severity;
import dev.roleplan.iam.ActionInfo;
import dev.roleplan.iam.ActionResourceType;
import dev.roleplan.iam.Arn;
import dev.roleplan.iam.ArnOverlap;
import dev.roleplan.model.Patterns;
import dev.roleplan.rules.PolicyStatement;
import dev.roleplan.rules.RoleUse;
import dev.roleplan.rules.StatementActions;
import dev.roleplan.rules.Texts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@RuleInfo(id = "RP502", severity = Severity.MEDIUM,
        summary = "A statement names a resource that none of its actions accepts",
        description = "Each action applies to resources of particular types (s3:GetObject to objects, "
                + "arn:aws:s3:::bucket/key; s3:ListBucket to buckets). A resource of no type the statement's actions "
                + "accept matches no request: the grant, or the deny, does nothing for it. The classic case is "
                + "s3:GetObject on a bucket ARN without /*, or ecr:GetAuthorizationToken (which accepts only \"*\") on a "
                + "repository ARN. Name resources of the types the actions take, or move the actions to their own "
                + "statement.")
public final class ResourceTypeMismatch implements Rule {

    @Override
    public void check(RuleContext context, Reporter reporter) {
        for (RoleUse use : RoleUse.resolved(context.model())) {
            for (PolicyStatement ps : PolicyStatement.authored(use.role())) {
                Patterns resources = ps.statement().resources();
                if (resources == null || resources.negated() || StatementActions.namesAllActions(ps.statement())) {
                    continue;
                }
                List<ActionInfo> actions = StatementActions.expand(ps.statement());
                if (actions == null || actions.isEmpty()) {
                    continue;
                }
                for (String resource : resources.values()) {
                    if (resource.equals("*") || resource.startsWith("${") || Arn.tryParse(resource).isEmpty()
                            || actions.stream().anyMatch(a -> accepts(a, resource))) {
                        continue;
                    }
                    reporter.at(use.taskDefinition()).role(use.ref()).policy(ps.policy()).statement(ps.statement())
                            .key(resource)
                            .message(Texts.statement(ps) + ": " + resource + " is of no resource type that "
                                    + Texts.compact(actions.stream().map(ActionInfo::fullName).toList())
                                    + (actions.size() == 1 ? " accepts" : " accept") + " (" + accepted(actions)
                                    + "); it matches no request.");
                }
            }
        }
    }

    static boolean accepts(ActionInfo action, String resourcePattern) {
        for (ActionResourceType rt : action.resourceTypes()) {
            if (ArnOverlap.overlaps(resourcePattern, rt.resourceType().arnFormat())) {
                return true;
            }
        }
        return false;
    }

    /** What the actions accept, compactly: the ARN formats, or "only *" for wildcard-only actions. */
    private static String accepted(List<ActionInfo> actions) {
        Set<String> formats = new LinkedHashSet<>();
        for (ActionInfo a : actions) {
            if (a.isWildcardOnly()) {
                formats.add("\"*\" only for " + a.fullName());
            }
            for (ActionResourceType rt : a.resourceTypes()) {
                formats.add(rt.resourceType().name() + " " + rt.resourceType().arnFormat().format());
            }
        }
        return Texts.compact(new ArrayList<>(formats));
    }
}
