package dev.roleplan.model;

import java.util.List;
import java.util.Objects;

/**
 * An IAM policy document, parsed (never compared as text). {@code problems} lists what is malformed, with
 * where (RP503); statements that could still be understood are kept.
 */
public record PolicyDocument(String version, List<Statement> statements, List<String> problems) {

    // Written out as the record would generate them (same hash): decision 0012.
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof PolicyDocument that
                && Objects.equals(version, that.version)
                && Objects.equals(statements, that.statements)
                && Objects.equals(problems, that.problems);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(version);
        h = 31 * h + Objects.hashCode(statements);
        h = 31 * h + Objects.hashCode(problems);
        return h;
    }

    public PolicyDocument {
        statements = List.copyOf(statements);
        problems = List.copyOf(problems);
    }

    public boolean isWellFormed() {
        return problems.isEmpty();
    }
}
