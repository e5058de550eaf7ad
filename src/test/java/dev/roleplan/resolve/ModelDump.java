package dev.roleplan.resolve;

import dev.roleplan.model.AttachedPolicy;
import dev.roleplan.model.ContainerDefinition;
import dev.roleplan.model.Model;
import dev.roleplan.model.PolicyDocument;
import dev.roleplan.model.Role;
import dev.roleplan.model.RoleRef;
import dev.roleplan.model.Statement;
import dev.roleplan.model.TaskDefinition;
import dev.roleplan.model.Value;
import dev.roleplan.model.Volume;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain-text view of a resolved model, for tests: every task definition with its two roles, and every
 * role reached from a task definition with its trust policy and policies, statement by statement.
 */
final class ModelDump {

    private ModelDump() {
    }

    static String dump(Model model) {
        StringBuilder out = new StringBuilder();
        out.append("context region=").append(value(model.context().region())).append(" account=")
                .append(value(model.context().account())).append(" partition=").append(value(model.context().partition())).append('\n');
        for (dev.roleplan.model.Notice notice : model.notices()) {
            out.append("notice ").append(notice.level()).append(": ").append(notice.message()).append('\n');
        }
        Map<String, Role> reached = new LinkedHashMap<>();
        for (TaskDefinition td : model.taskDefinitions()) {
            out.append("task_definition ").append(td.address()).append(" family=").append(value(td.family()))
                    .append(" change=").append(td.change().label()).append('\n');
            out.append("  containers: ").append(containers(td.containers())).append('\n');
            for (Volume volume : td.volumes()) {
                out.append("  volume ").append(volume.name());
                if (volume.efs() != null) {
                    out.append(" efs=").append(value(volume.efs().fileSystemId())).append(" iam=")
                            .append(volume.efs().iamAuthorization()).append(" access_point=").append(value(volume.efs().accessPointId()));
                }
                out.append('\n');
            }
            for (String problem : td.problems()) {
                out.append("  problem: ").append(problem).append('\n');
            }
            role(out, "execution_role", td.executionRole(), reached);
            role(out, "task_role", td.taskRole(), reached);
        }
        for (Role role : reached.values()) {
            out.append("role ").append(role.address()).append(" name=").append(value(role.name()))
                    .append(" arn=").append(value(role.arn())).append('\n');
            out.append("  trust: ").append(document(role.trustPolicy())).append('\n');
            for (AttachedPolicy policy : role.policies()) {
                out.append("  policy ").append(policy(policy)).append('\n');
            }
            if (role.boundary() != null) {
                out.append("  boundary ").append(policy(role.boundary())).append('\n');
            }
        }
        return out.toString();
    }

    private static void role(StringBuilder out, String label, RoleRef ref, Map<String, Role> reached) {
        out.append("  ").append(label).append(": ").append(ref.status().label());
        if (ref.role() != null) {
            out.append(' ').append(ref.role().address());
            reached.putIfAbsent(ref.role().address().text(), ref.role());
        }
        if (ref.arn() != null) {
            out.append(" arn=").append(ref.arn());
        }
        if (ref.reason() != null) {
            out.append(" (").append(ref.reason()).append(')');
        }
        out.append('\n');
    }

    private static String policy(AttachedPolicy policy) {
        return policy.source() + " " + policy.id()
                + (policy.attachment() != null && !policy.attachment().text().equals(policy.id()) ? " via " + policy.attachment() : "")
                + ": " + document(policy.document());
    }

    private static String containers(Value<List<ContainerDefinition>> containers) {
        if (!(containers instanceof Value.Known<List<ContainerDefinition>> known)) {
            return value(containers);
        }
        List<String> parts = new ArrayList<>();
        for (ContainerDefinition c : known.value()) {
            parts.add(c.name() + "(" + c.image() + (c.secrets().isEmpty() ? "" : ", secrets=" + c.secrets().size())
                    + (c.environment().isEmpty() ? "" : ", environment=" + c.environment().size()) + ")");
        }
        return String.join(", ", parts);
    }

    static String document(Value<PolicyDocument> document) {
        if (!(document instanceof Value.Known<PolicyDocument> known)) {
            return value(document);
        }
        List<String> statements = new ArrayList<>();
        for (Statement s : known.value().statements()) {
            StringBuilder text = new StringBuilder();
            text.append(s.effect() == null ? "?" : s.effect().name().charAt(0) + s.effect().name().substring(1).toLowerCase());
            if (s.actions() != null) {
                text.append(s.actions().negated() ? " NotAction=" : " ").append(shortList(s.actions().values()));
            }
            if (s.resources() != null) {
                text.append(s.resources().negated() ? " NotResource=" : " on ").append(s.resources().values());
            }
            if (s.principals() != null) {
                text.append(" principals=").append(s.principals().anyone() ? "*" : new java.util.TreeMap<>(s.principals().byType()));
            }
            if (s.hasConditions()) {
                text.append(" if ").append(s.conditions().size()).append(" condition(s)");
            }
            statements.add(text.toString());
        }
        String problems = known.value().problems().isEmpty() ? "" : " problems=" + known.value().problems();
        return "{" + String.join("; ", statements) + "}" + problems;
    }

    /** Long lists (AWS-managed policies) are shown by their first entries and their size. */
    private static String shortList(List<String> values) {
        return values.size() <= 8 ? values.toString()
                : values.subList(0, 8).toString().replace("]", ", ... " + values.size() + " in all]");
    }

    static String value(Value<?> value) {
        if (value instanceof Value.Known<?> k) {
            return String.valueOf(k.value());
        }
        if (value instanceof Value.Unknown<?> u) {
            return "(unknown: " + u.reason() + ")";
        }
        return "(absent)";
    }
}
