package dev.roleplan.app;

import dev.roleplan.engine.Engine;
import dev.roleplan.engine.Finding;
import dev.roleplan.engine.Fingerprints;
import dev.roleplan.engine.Rule;
import dev.roleplan.iam.PolicyParser;
import dev.roleplan.input.InputException;
import dev.roleplan.model.AccountContext;
import dev.roleplan.model.Address;
import dev.roleplan.model.AttachedPolicy;
import dev.roleplan.model.ChangeAction;
import dev.roleplan.model.InputInfo;
import dev.roleplan.model.Model;
import dev.roleplan.model.PolicyDocument;
import dev.roleplan.model.PolicySource;
import dev.roleplan.model.Role;
import dev.roleplan.model.RoleKind;
import dev.roleplan.model.RoleRef;
import dev.roleplan.model.SourceLocation;
import dev.roleplan.model.TaskDefinition;
import dev.roleplan.model.Value;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code roleplan policy check}: lint one policy document with the statement rules. Rules see only models,
 * so the document is placed in a synthetic model (one task role holding it as a customer-managed policy,
 * used by one pseudo task definition); the findings are then detached from that pseudo task definition and
 * role, so the report says what is true: the findings are about the document alone.
 */
public final class PolicyCheck {

    /** The rules that judge a bare document: least privilege per statement (RP301-RP304) and validity (RP5xx). */
    public static final Set<String> RULE_IDS = Set.of("RP301", "RP302", "RP303", "RP304",
            "RP501", "RP502", "RP503", "RP504", "RP505", "RP506", "RP507");

    private static final Address PSEUDO = Address.of("(policy check)");

    private PolicyCheck() {
    }

    /** The rules of {@link #RULE_IDS} among {@code all}, in their order. */
    public static List<Rule> rules(List<Rule> all) {
        return all.stream().filter(r -> RULE_IDS.contains(r.meta().id())).toList();
    }

    /** Reads and parses a policy file; a file that cannot be read is an {@link InputException}. */
    public static PolicyDocument read(String file) {
        Path path = Path.of(file);
        if (!Files.exists(path)) {
            throw new InputException(file, null, "no such file");
        }
        if (!Files.isRegularFile(path)) {
            throw new InputException(file, null, "not a regular file");
        }
        try {
            return PolicyParser.parse(Files.readString(path, StandardCharsets.UTF_8));
        } catch (MalformedInputException e) {
            throw new InputException(file, null, "not UTF-8 text");
        } catch (IOException e) {
            throw new InputException(file, null, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** The synthetic model: the document as the only policy of a task role. */
    public static Model model(String file, PolicyDocument document) {
        AttachedPolicy policy = new AttachedPolicy(file, PolicySource.CUSTOMER_MANAGED, null, null, null, null,
                Value.known(document), SourceLocation.ofFile(file));
        Role role = new Role(PSEUDO, Value.absent(), Value.absent(), Value.absent(), List.of(policy), null, null);
        TaskDefinition td = new TaskDefinition(PSEUDO, Value.absent(), Value.known(List.of()), List.of(),
                RoleRef.absent(RoleKind.EXECUTION), RoleRef.resolved(RoleKind.TASK, role), ChangeAction.NONE, null, List.of());
        return new Model(List.of(new InputInfo(file, "policy", null, null)), List.of(td), List.of(role), List.of(),
                AccountContext.unknown(), List.of(), Set.of(), null);
    }

    /** Runs the rules over the document and returns findings about it alone (no task definition, no role). */
    public static List<Finding> check(String file, PolicyDocument document, List<Rule> rules) {
        return new Engine(rules).run(model(file, document)).stream().map(PolicyCheck::detach).toList();
    }

    /** The report's model: the input, and no task definitions. */
    public static Model reportModel(String file) {
        return new Model(List.of(new InputInfo(file, "policy", null, null)), List.of(), List.of(), List.of(),
                AccountContext.unknown(), List.of(), Set.of(), null);
    }

    private static Finding detach(Finding f) {
        return new Finding(f.rule(), f.severity(), f.message(), null, null, null, f.policy(), f.statement(), f.location(),
                f.key(), f.suggestion(), Fingerprints.of(f.rule().id(), null, null, null, f.policy(), f.statement(), f.key()));
    }
}
