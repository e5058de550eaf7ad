package dev.roleplan.rules.ecs;

import dev.roleplan.ecs.Requirement;
import dev.roleplan.ecs.Requirements;
import dev.roleplan.engine.FactKey;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.model.RoleKind;
import dev.roleplan.model.TaskDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A task definition's requirements, derived once per run however many rules ask. */
final class TaskRequirements {

    private TaskRequirements() {
    }

    static Requirements.Derivation of(RuleContext context, TaskDefinition td) {
        return context.cached(new FactKey("ecs-requirements", td), k -> Requirements.analyse(td, context.model()));
    }

    static List<Requirement> of(RuleContext context, TaskDefinition td, RoleKind role) {
        return of(context, td).of(role);
    }

    /**
     * Requirements with the same action and resource (e.g. ecr:GetAuthorizationToken for three containers),
     * merged into one need that names every container and field, in the order they first appear.
     */
    record Need(String action, String resource, List<Requirement> sources) {
        Requirement first() {
            return sources.get(0);
        }

        String origins() {
            List<String> parts = new ArrayList<>();
            for (Requirement r : sources) {
                String o = r.origin();
                if (!parts.contains(o)) {
                    parts.add(o);
                }
            }
            return String.join("; ", parts);
        }
    }

    static List<Need> needs(List<Requirement> requirements) {
        Map<String, List<Requirement>> grouped = new LinkedHashMap<>();
        for (Requirement r : requirements) {
            grouped.computeIfAbsent(r.action() + " " + r.resource(), k -> new ArrayList<>()).add(r);
        }
        List<Need> out = new ArrayList<>();
        for (List<Requirement> group : grouped.values()) {
            out.add(new Need(group.get(0).action(), group.get(0).resource(), List.copyOf(group)));
        }
        return out;
    }
}
