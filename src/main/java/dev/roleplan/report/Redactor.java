package dev.roleplan.report;

import dev.roleplan.engine.Finding;
import dev.roleplan.model.Notice;
import dev.roleplan.model.SensitiveText;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The last line of defence for secrets: every value the input marks sensitive is replaced wherever it would
 * appear in a report string. Rules already avoid printing values; this makes a slip harmless.
 */
public final class Redactor {

    public static final String MASK = "(sensitive value)";

    private final List<String> secrets;

    public Redactor(Set<String> sensitive) {
        this.secrets = sensitive.stream()
                .filter(SensitiveText::worthRedacting)
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    public String redact(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }

    public Finding redact(Finding f) {
        return new Finding(f.rule(), f.severity(), redact(f.message()), redact(f.taskDefinition()), f.roleKind(),
                redact(f.role()), redact(f.policy()), redact(f.statement()), f.location(), f.key(), f.suggestion(),
                f.fingerprint(), f.suppression());
    }

    public Notice redact(Notice n) {
        return new Notice(n.level(), n.source(), redact(n.message()));
    }
}
