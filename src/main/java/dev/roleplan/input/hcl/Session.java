package dev.roleplan.input.hcl;

import dev.roleplan.model.Notice;
import dev.roleplan.model.SensitiveText;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one read of a configuration collects besides resources: notices and sensitive values; and how it reads
 * files ({@link #files()}).
 */
final class Session {

    private final String source;
    private final SourceFiles files;
    private final Set<String> notices = new LinkedHashSet<>();
    private final Set<String> unsupportedFunctions = new TreeSet<>();
    private final Set<String> sensitive = new TreeSet<>();
    /** Strings a template built around a secret; see {@link #interpolated}. */
    private final Set<String> carriers = new java.util.HashSet<>();
    private final java.util.Map<String, List<dev.roleplan.model.SourceLocation>> statements = new java.util.LinkedHashMap<>();

    /**
     * The most instances count and for_each make in one read, all blocks together. The per-block cap
     * ({@link ModuleInstance#MAX_INSTANCES}) alone lets nesting multiply: 10,000 instances of a module that
     * holds a 10,000-instance resource would be 100 million.
     */
    static final int MAX_INSTANCES_IN_ALL = 100_000;

    private final int instanceBudget;
    private int instancesLeft;

    Session(String source, SourceFiles files) {
        this(source, files, MAX_INSTANCES_IN_ALL);
    }

    Session(String source, SourceFiles files, int instanceBudget) {
        this.source = source;
        this.files = files;
        this.instanceBudget = instanceBudget;
        this.instancesLeft = instanceBudget;
    }

    /** Blocks that lost instances to the budget: the first one's address, how many blocks and instances. */
    private String firstCut;
    private int blocksCut;
    private long instancesCut;

    /**
     * How many more instances count and for_each may make in this read: a block builds no more than this, so once
     * the budget is spent a block builds nothing.
     */
    int instancesLeft() {
        return instancesLeft;
    }

    /**
     * Counts one block's instances against the read's budget: it wanted {@code wanted} (within its own cap) and made
     * {@code made}, no more than {@link #instancesLeft()}. When it made fewer, the rest are not analysed, and one
     * notice (not one per block) says how many and where it began.
     */
    void spent(int wanted, int made, String what) {
        instancesLeft -= made;
        if (made < wanted) {
            if (firstCut == null) {
                firstCut = what;
            }
            blocksCut++;
            instancesCut += wanted - made;
        }
    }

    SourceFiles files() {
        return files;
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

    /**
     * Registers the texts under a value Terraform treats as sensitive. A number counts as the text it prints as
     * (a PIN is as secret as a password); a boolean, or a text shorter than 4 characters, is too short to hide
     * anything ({@link SensitiveText#worthRedacting}).
     */
    void sensitive(Object value) {
        texts(value, this::register);
    }

    /**
     * Terraform marks what a function computes from a sensitive argument sensitive too, so the texts the result
     * gained are registered. A text the function passed through unchanged keeps its own standing: merging a
     * secret into common tags must not mask every tag in the report.
     */
    void derived(List<Object> arguments, Object result) {
        if (sensitive.isEmpty()) {
            return; // the common case, checked first: no secret, nothing to propagate
        }
        Set<String> given = new java.util.HashSet<>();
        texts(arguments, given::add);
        if (given.stream().noneMatch(this::carriesSecret)) {
            return;
        }
        texts(result, text -> {
            if (!given.contains(text)) {
                register(text);
            }
        });
    }

    /**
     * A string template built {@code result} from these interpolated texts. When one of them is or carries a secret,
     * so does the result ({@code "app-${var.token}"}): a function of it ({@code upper}) computes a text the report
     * cannot find by the secret's own text, so {@link #derived} must know where it came from. The result itself is
     * not reported as sensitive: it holds the secret's text, which the report masks inside it.
     */
    void interpolated(List<String> parts, String result) {
        if (!sensitive.isEmpty() && parts.stream().anyMatch(this::carriesSecret) && !sensitive.contains(result)) {
            carriers.add(result);
        }
    }

    private boolean carriesSecret(String text) {
        return sensitive.contains(text) || carriers.contains(text);
    }

    /** Only a text worth masking is registered (the report's rule): a secret "1" must not mark every 1 sensitive. */
    private void register(String text) {
        if (SensitiveText.worthRedacting(text)) {
            sensitive.add(text);
        }
    }

    /**
     * The strings, number texts and known parts of unknown strings inside an evaluated value tree (callers pass
     * deep values: forcing a lazy object here could evaluate, and so memoize, in the middle of a cycle).
     */
    private static void texts(Object value, java.util.function.Consumer<String> into) {
        if (value instanceof String s) {
            into.accept(s);
        } else if (value instanceof java.math.BigDecimal d) {
            into.accept(Values.formatNumber(d));
        } else if (value instanceof Unknown u && u.text() != null) {
            into.accept(u.text());
        } else if (value instanceof List<?> list) {
            list.forEach(element -> texts(element, into));
        } else if (value instanceof java.util.Map<?, ?> map) {
            map.values().forEach(element -> texts(element, into));
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
        if (blocksCut > 0) {
            out.add(Notice.warning(source, "count and for_each make more than " + instanceBudget + " instances in the "
                    + "whole configuration: " + instancesCut + " instances of " + blocksCut + (blocksCut == 1 ? " block" : " blocks")
                    + " are not analysed, from " + firstCut + " on"));
        }
        return out;
    }
}
