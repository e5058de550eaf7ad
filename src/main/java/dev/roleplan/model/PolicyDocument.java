package dev.roleplan.model;

import java.util.List;

/**
 * An IAM policy document, parsed (never compared as text). {@code problems} lists what is malformed, with
 * where (RP503); statements that could still be understood are kept.
 */
public record PolicyDocument(String version, List<Statement> statements, List<String> problems) {

    public PolicyDocument {
        statements = List.copyOf(statements);
        problems = List.copyOf(problems);
    }

    public boolean isWellFormed() {
        return problems.isEmpty();
    }
}
