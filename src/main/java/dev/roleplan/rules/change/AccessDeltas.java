package dev.roleplan.rules.change;

import dev.roleplan.iam.AccessComparison;
import dev.roleplan.iam.AccessComparison.Delta;
import dev.roleplan.iam.AccessComparison.PolicySet;
import dev.roleplan.iam.ActionCatalog;
import dev.roleplan.iam.NamedPolicy;
import dev.roleplan.model.AttachedPolicy;
import dev.roleplan.model.Model;
import dev.roleplan.model.PolicyDocument;
import dev.roleplan.model.Role;
import dev.roleplan.model.RoleKind;
import dev.roleplan.model.RoleRef;
import dev.roleplan.model.RoleStatus;
import dev.roleplan.model.TaskDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The access delta of every task definition between two models (before and after a plan, or two revisions),
 * matched by task-definition address and compared role kind against role kind: a task definition that
 * switches to another role is compared role against role.
 */
public final class AccessDeltas {

    private AccessDeltas() {
    }

    public enum Status {
        /** the task definition exists on both sides with the same role */
        SAME_ROLE,
        /** the task definition names a different role than before */
        ROLE_SWAPPED,
        /** the task definition is new: everything its role allows is new */
        NEW_TASK_DEFINITION,
        /** the role is new to the task definition (it had none of this kind) */
        NEW_ROLE,
        /** the task definition is gone, or its role of this kind is */
        REMOVED
    }

    /**
     * One task definition's role of one kind, compared.
     *
     * @param beforeRole how the before role is named, or null
     * @param afterRole  how the after role is named, or null
     * @param after      the after task definition, or null when it is gone
     * @param afterRef   its role reference, or null
     * @param unknown    ids of policies whose documents are known only after apply: not compared
     */
    public record TaskDelta(String taskDefinition, RoleKind kind, Status status, String beforeRole, String afterRole,
                            TaskDefinition after, RoleRef afterRef, Delta delta, List<String> unknown) {
        public TaskDelta {
            unknown = List.copyOf(unknown);
        }
    }

    /**
     * Every task definition and role kind whose access differs, in address order, execution role first. Roles
     * not in the input (an ARN only, or unknown until apply) on either side are not compared: what they
     * allow is not known (RP104 says so).
     */
    public static List<TaskDelta> between(Model before, Model after) {
        Map<String, TaskDefinition> old = new LinkedHashMap<>();
        for (TaskDefinition td : before.taskDefinitions()) {
            old.put(td.address().text(), td);
        }
        List<Pair> pairs = new ArrayList<>();
        for (TaskDefinition td : after.taskDefinitions()) {
            TaskDefinition was = old.remove(td.address().text());
            for (RoleKind kind : RoleKind.values()) {
                pairs.add(new Pair(td.address().text(), kind, was, td));
            }
        }
        for (TaskDefinition gone : old.values()) {
            for (RoleKind kind : RoleKind.values()) {
                pairs.add(new Pair(gone.address().text(), kind, gone, null));
            }
        }
        // A role serves several task definitions (one execution role for a whole service family): compare each
        // pair of roles once, the distinct pairs in parallel on the pool the engine runs rules on.
        AccessComparison.Shared shared = new AccessComparison.Shared();
        Map<RolePair, Compared> compared = new java.util.concurrent.ConcurrentHashMap<>();
        pairs.stream().map(AccessDeltas::roles).filter(java.util.Objects::nonNull).distinct().toList().parallelStream()
                .forEach(r -> compared.put(r, compare(r, shared)));
        List<TaskDelta> out = new ArrayList<>();
        for (Pair p : pairs) {
            RolePair r = roles(p);
            TaskDelta d = r == null ? null : delta(p, compared.get(r));
            if (d != null) {
                out.add(d);
            }
        }
        out.sort(java.util.Comparator.comparing(TaskDelta::taskDefinition).thenComparing(TaskDelta::kind));
        return out;
    }

    private record Pair(String address, RoleKind kind, TaskDefinition before, TaskDefinition after) {
        RoleRef beforeRef() {
            return before == null ? RoleRef.absent(kind) : before.role(kind);
        }

        RoleRef afterRef() {
            return after == null ? RoleRef.absent(kind) : after.role(kind);
        }
    }

    /** The roles a pair compares, the same object for the same role (null for none). */
    private record RolePair(Role before, Role after) {
        @Override
        public boolean equals(Object o) {
            return o instanceof RolePair r && r.before == before && r.after == after;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(before) + System.identityHashCode(after);
        }
    }

    /** What comparing two roles gives: the delta, and the after role's policies known only after apply. */
    private record Compared(Delta delta, List<String> unknown) {
    }

    /** The roles to compare, or null when one side is not known well enough to compare (RP104 says why). */
    private static RolePair roles(Pair p) {
        RoleRef b = p.beforeRef();
        RoleRef a = p.afterRef();
        return knowable(b) && knowable(a) ? new RolePair(b.role(), a.role()) : null;
    }

    private static Compared compare(RolePair roles, AccessComparison.Shared shared) {
        List<String> unknown = new ArrayList<>();
        Delta delta = AccessComparison.compare(policies(roles.before(), new ArrayList<>()), policies(roles.after(), unknown),
                ActionCatalog.get(), shared);
        return new Compared(delta, unknown);
    }

    private static TaskDelta delta(Pair p, Compared c) {
        if (c.delta().isEmpty()) {
            return null;
        }
        RoleRef b = p.beforeRef();
        RoleRef a = p.afterRef();
        Status status;
        if (p.after() == null || a.role() == null) {
            status = Status.REMOVED;
        } else if (p.before() == null) {
            status = Status.NEW_TASK_DEFINITION;
        } else if (b.role() == null) {
            status = Status.NEW_ROLE;
        } else if (!b.role().address().equals(a.role().address())) {
            status = Status.ROLE_SWAPPED;
        } else {
            status = Status.SAME_ROLE;
        }
        return new TaskDelta(p.address(), p.kind(), status, b.role() == null ? null : b.display(),
                a.role() == null ? null : a.display(), p.after(), p.after() == null ? null : a, c.delta(), c.unknown());
    }

    /** Resolved, or absent (no role: allows nothing). */
    private static boolean knowable(RoleRef ref) {
        return ref.status() == RoleStatus.RESOLVED || ref.status() == RoleStatus.ABSENT;
    }

    /** The role's identity policies and boundary; nothing for no role. */
    static PolicySet policies(Role role, List<String> unknown) {
        if (role == null) {
            return PolicySet.empty();
        }
        List<NamedPolicy> identity = new ArrayList<>();
        for (AttachedPolicy p : role.policies()) {
            PolicyDocument doc = p.document().orNull();
            if (doc != null) {
                identity.add(new NamedPolicy(p.id(), doc));
            } else if (p.document().isUnknown()) {
                unknown.add(p.id());
            }
        }
        NamedPolicy boundary = null;
        if (role.boundary() != null && role.boundary().document().isKnown()) {
            boundary = new NamedPolicy(role.boundary().id(), role.boundary().document().orNull());
        }
        return new PolicySet(identity, boundary);
    }
}
