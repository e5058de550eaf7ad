package dev.roleplan.engine;

import dev.roleplan.model.AttachedPolicy;
import dev.roleplan.model.RoleKind;
import dev.roleplan.model.RoleRef;
import dev.roleplan.model.SourceLocation;
import dev.roleplan.model.Statement;
import dev.roleplan.model.TaskDefinition;

import java.util.ArrayList;
import java.util.List;

/** Collects what one rule reports, attaching the rule's metadata and a fingerprint. */
public final class Reporter {

    private final RuleMeta rule;
    private final List<Finding> findings = new ArrayList<>();

    public Reporter(RuleMeta rule) {
        this.rule = rule;
    }

    /** Starts a finding about a task definition (or null for one about no task definition). */
    public Draft at(TaskDefinition taskDefinition) {
        Draft d = new Draft();
        if (taskDefinition != null) {
            d.taskDefinition = taskDefinition.address().text();
            d.location = taskDefinition.location();
        }
        return d;
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** A finding being described; {@link #message(String)} records it. */
    public final class Draft {
        private String taskDefinition;
        private RoleKind roleKind;
        private String role;
        private String policy;
        private String statement;
        private SourceLocation location;
        private String key;
        private Object suggestion;
        private Severity severity = rule.severity();

        private Draft() {
        }

        public Draft role(RoleRef ref) {
            this.roleKind = ref.kind();
            this.role = ref.status() == dev.roleplan.model.RoleStatus.ABSENT ? null : ref.display();
            if (ref.role() != null && ref.role().location() != null) {
                this.location = ref.role().location();
            }
            return this;
        }

        public Draft roleKind(RoleKind kind) {
            this.roleKind = kind;
            return this;
        }

        public Draft policy(AttachedPolicy p) {
            this.policy = p.id();
            if (p.location() != null) {
                this.location = p.location();
            }
            return this;
        }

        public Draft policy(String policyId) {
            this.policy = policyId;
            return this;
        }

        public Draft statement(Statement s) {
            this.statement = s.label();
            if (s.location() != null) {
                this.location = s.location();
            }
            return this;
        }

        /** The statement by its Sid or index, when the rule knows it only from an evaluation result. */
        public Draft statement(String label) {
            this.statement = label;
            return this;
        }

        public Draft location(SourceLocation where) {
            this.location = where;
            return this;
        }

        public Draft key(String distinguishing) {
            this.key = distinguishing;
            return this;
        }

        public Draft suggestion(Object tree) {
            this.suggestion = tree;
            return this;
        }

        public Draft severity(Severity s) {
            this.severity = s;
            return this;
        }

        public void message(String message) {
            String fp = Fingerprints.of(rule.id(), taskDefinition, roleKind == null ? null : roleKind.label(), role,
                    policy, statement, key);
            findings.add(new Finding(rule, severity, message, taskDefinition, roleKind, role, policy, statement, location,
                    key, suggestion, fp));
        }
    }
}
