package dev.roleplan.input.hcl;

import dev.roleplan.model.Notice;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What one read of a configuration collects besides resources: notices and sensitive values. */
final class Session {

    private final String source;
    private final Set<String> notices = new LinkedHashSet<>();
    private final Set<String> unsupportedFunctions = new TreeSet<>();
    private final Set<String> sensitive = new TreeSet<>();
    private final java.util.Map<String, List<dev.roleplan.model.SourceLocation>> statements = new java.util.LinkedHashMap<>();

    Session(String source) {
        this.source = source;
    }

    private final List<dev.roleplan.model.SourceComment> directives = new ArrayList<>();

    /** Keeps the comments that hold a roleplan directive. */
    void comments(List<dev.roleplan.input.hcl.syntax.Comment> comments) {
        for (dev.roleplan.input.hcl.syntax.Comment comment : comments) {
            if (comment.text().contains("roleplan:")) {
                directives.add(new dev.roleplan.model.SourceComment(comment.text(),
                        new dev.roleplan.model.SourceLocation(comment.range().file(), comment.range().line())));
            }
        }
    }

    List<dev.roleplan.model.SourceComment> directives() {
        return directives;
    }

    void notice(String message) {
        notices.add(message);
    }

    void unsupportedFunction(String name) {
        unsupportedFunctions.add(name);
    }

    void sensitive(Object value) {
        if (value instanceof String s && !s.isEmpty()) {
            sensitive.add(s);
        } else if (value instanceof List<?> list) {
            list.forEach(this::sensitive);
        } else if (value instanceof java.util.Map<?, ?> map) {
            map.values().forEach(this::sensitive);
        }
    }

    /** Where the statements of a policy document's text were written; the first writer of a text keeps it. */
    void statements(String documentText, List<dev.roleplan.model.SourceLocation> locations) {
        statements.putIfAbsent(documentText, java.util.Collections.unmodifiableList(new ArrayList<>(locations)));
    }

    java.util.Map<String, List<dev.roleplan.model.SourceLocation>> statementLocations() {
        return statements;
    }

    Set<String> sensitiveValues() {
        return sensitive;
    }

    List<Notice> notices() {
        List<Notice> out = new ArrayList<>();
        for (String message : notices) {
            out.add(Notice.warning(source, message));
        }
        if (!unsupportedFunctions.isEmpty()) {
            out.add(Notice.warning(source, "functions roleplan does not evaluate (their results are treated as unknown): "
                    + String.join(", ", unsupportedFunctions)));
        }
        return out;
    }
}
