package dev.roleplan.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * The documents of all AWS-managed policies, loaded from the bundled {@code managed-policies.json.gz}
 * on first use (only runs that attach an {@code arn:aws:iam::aws:policy/...} need them).
 */
public final class ManagedPolicies {
    static final String RESOURCE = "/dev/roleplan/iam/managed-policies.json.gz";
    private static final int SUPPORTED_FORMAT = 1;

    private final Map<String, ManagedPolicy> byArn;
    private final Map<String, ManagedPolicy> byName;

    private ManagedPolicies(Map<String, ManagedPolicy> byArn) {
        this.byArn = Collections.unmodifiableMap(byArn);
        Map<String, ManagedPolicy> names = new TreeMap<>();
        for (ManagedPolicy p : byArn.values()) {
            names.put(p.name(), p);
        }
        this.byName = Collections.unmodifiableMap(names);
    }

    private static final class Holder {
        static final ManagedPolicies INSTANCE = loadBundled();
    }

    /** The bundled policies, loaded on first call. */
    public static ManagedPolicies get() {
        return Holder.INSTANCE;
    }

    private static ManagedPolicies loadBundled() {
        InputStream in = ManagedPolicies.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IamDataException("bundled AWS-managed policies " + RESOURCE
                    + " are missing; regenerate them with tools/iam-data/generate.sh");
        }
        try (InputStream gz = new GZIPInputStream(in, 64 * 1024)) {
            return load(gz);
        } catch (IOException e) {
            throw new IamDataException("cannot read bundled AWS-managed policies " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Loads from uncompressed JSON in the format {@code tools/iam-data/extract.mjs} writes. */
    public static ManagedPolicies load(InputStream json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        if (root == null || root.path("format").asInt(-1) != SUPPORTED_FORMAT) {
            throw new IamDataException("AWS-managed policies have format " + (root == null ? "none" : root.path("format"))
                    + ", this roleplan reads format " + SUPPORTED_FORMAT + "; regenerate with tools/iam-data/generate.sh");
        }
        Map<String, ManagedPolicy> byArn = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("policies").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            byArn.put(e.getKey(), new ManagedPolicy(e.getKey(), p.path("name").asText(), p.path("version").asText(),
                    p.path("updated").asText(), p.path("document")));
        }
        return new ManagedPolicies(byArn);
    }

    /** True if {@code arn} names an AWS-managed policy ({@code arn:<partition>:iam::aws:policy/...}). */
    public static boolean isAwsManagedArn(String arn) {
        int colon = arn.indexOf(':', 4);
        return arn.startsWith("arn:") && colon > 0 && arn.startsWith(":iam::aws:policy/", colon);
    }

    /**
     * The policy with this ARN. The partition is ignored, so {@code arn:aws-us-gov:iam::aws:policy/X}
     * finds the same document as {@code arn:aws:iam::aws:policy/X} (the bundled data is the aws
     * partition's).
     */
    public Optional<ManagedPolicy> byArn(String arn) {
        ManagedPolicy hit = byArn.get(arn);
        if (hit == null && isAwsManagedArn(arn)) {
            hit = byArn.get("arn:aws" + arn.substring(arn.indexOf(':', 4)));
        }
        return Optional.ofNullable(hit);
    }

    /** The document of the policy with this ARN. */
    public Optional<JsonNode> document(String arn) {
        return byArn(arn).map(ManagedPolicy::document);
    }

    /** The policy with this name (names are unique among AWS-managed policies). */
    public Optional<ManagedPolicy> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** All policy names, sorted. */
    public List<String> names() {
        return new ArrayList<>(byName.keySet());
    }

    /** All policies by ARN, sorted. */
    public Map<String, ManagedPolicy> all() {
        return byArn;
    }

    public int size() {
        return byArn.size();
    }
}
