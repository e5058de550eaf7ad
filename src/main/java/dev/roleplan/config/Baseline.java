package dev.roleplan.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roleplan.engine.Finding;
import dev.roleplan.engine.Suppression;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Accepted findings recorded by fingerprint ({@code --write-baseline}), so a later run ({@code --baseline})
 * reports only new ones. Fingerprints hash where a finding is, not its message or line, so the baseline
 * survives reordering and unrelated edits. The file is sorted JSON with rule and address for human review.
 */
public final class Baseline {

    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Set<String> fingerprints;
    private final String origin;

    private Baseline(Set<String> fingerprints, String origin) {
        this.fingerprints = Set.copyOf(fingerprints);
        this.origin = origin;
    }

    /**
     * The baseline text for the current findings: active ones and ones an earlier baseline already holds
     * (so rewriting a baseline while using one keeps them); findings suppressed by the configuration or a
     * comment are accepted there, with their reasons, and stay out.
     */
    public static String write(List<Finding> findings) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("roleplan_baseline", VERSION);
        ArrayNode list = root.putArray("findings");
        findings.stream().filter(f -> !f.isSuppressed() || f.suppression().source() == Suppression.Source.BASELINE)
                .sorted(Comparator.comparing(Finding::fingerprint))
                .map(Finding::fingerprint).distinct()
                .forEach(fp -> {
                    Finding f = findings.stream().filter(x -> x.fingerprint().equals(fp)).findFirst().orElseThrow();
                    ObjectNode o = list.addObject();
                    o.put("fingerprint", fp);
                    o.put("rule", f.rule().id());
                    o.put("address", f.address());
                    o.put("role", f.role());
                    o.put("policy", f.policy());
                });
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the baseline", e);
        }
    }

    public static Baseline read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("--baseline " + file + ": no such file (create it with --write-baseline)");
        } catch (IOException e) {
            throw new ConfigException("--baseline " + file + ": cannot read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    public static Baseline parse(String text, String name) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr();
            throw new ConfigException(name + line + ": not a roleplan baseline (invalid JSON: " + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.path("roleplan_baseline").isInt() || !root.path("findings").isArray()) {
            throw new ConfigException(name + ": not a roleplan baseline (expected {\"roleplan_baseline\": 1, \"findings\": [...]})");
        }
        if (root.get("roleplan_baseline").asInt() != VERSION) {
            throw new ConfigException(name + ": baseline version " + root.get("roleplan_baseline").asInt()
                    + " is not supported (expected " + VERSION + ")");
        }
        Set<String> fps = new TreeSet<>();
        int i = 0;
        for (JsonNode f : root.get("findings")) {
            if (!f.path("fingerprint").isTextual()) {
                throw new ConfigException(name + ": findings[" + i + "].fingerprint: required");
            }
            fps.add(f.get("fingerprint").asText());
            i++;
        }
        return new Baseline(fps, name);
    }

    public int size() {
        return fingerprints.size();
    }

    /** Active findings already in the baseline become suppressed (source baseline): reported, not gating. */
    public List<Finding> apply(List<Finding> findings) {
        return findings.stream().map(f -> !f.isSuppressed() && fingerprints.contains(f.fingerprint())
                ? f.withSuppression(new Suppression("accepted in the baseline " + origin, null, Suppression.Source.BASELINE, origin))
                : f).toList();
    }
}
