package dev.roleplan.iam;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
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

    /**
     * Tens of thousands of distinct field names (action and policy names) are read once each: canonicalizing
     * and interning them, Jackson's default, costs more than it saves.
     */
    private static final JsonFactory BUNDLED_JSON = JsonFactory.builder()
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();
    static final String RESOURCE = "/dev/roleplan/iam/managed-policies.json.gz";
    private static final int SUPPORTED_FORMAT = 2;

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

    private static final BundledData<ManagedPolicies> BUNDLED = new BundledData<>("ManagedPolicies", ManagedPolicies::loadBundled);

    /**
     * The bundled policies, loaded on the first call (thread-safe; concurrent callers wait for one load).
     *
     * @throws IamDataException if the bundled data is missing or broken (every call, not just the first)
     */
    public static ManagedPolicies get() {
        return BUNDLED.get();
    }

    /**
     * Starts loading in a background daemon thread, so that the load overlaps with other start-up work
     * (reading a plan); {@link #get()} then waits only for what is left. Errors surface at {@code get()}.
     */
    public static void prefetch() {
        BUNDLED.prefetch();
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
        Map<String, ManagedPolicy> byArn = new TreeMap<>();
        int format = -1;
        // Streaming: each document is one JSON string, parsed only when asked for.
        try (JsonParser parser = BUNDLED_JSON.createParser(json)) {
            expect(parser, parser.nextToken(), JsonToken.START_OBJECT, "the file");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("format")) {
                    format = parser.getIntValue();
                } else if (field.equals("policies")) {
                    expect(parser, value, JsonToken.START_OBJECT, "policies");
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String arn = parser.currentName();
                        expect(parser, parser.nextToken(), JsonToken.START_OBJECT, arn);
                        byArn.put(arn, readPolicy(parser, arn));
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        if (format != SUPPORTED_FORMAT) {
            throw new IamDataException("AWS-managed policies have format " + format + ", this roleplan reads format "
                    + SUPPORTED_FORMAT + "; regenerate them with tools/iam-data/generate.sh");
        }
        return new ManagedPolicies(byArn);
    }

    private static ManagedPolicy readPolicy(JsonParser parser, String arn) throws IOException {
        Map<String, String> fields = new TreeMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.VALUE_STRING) {
                fields.put(field, parser.getText());
            } else {
                parser.skipChildren();
            }
        }
        String document = fields.get("document");
        if (document == null || fields.get("name") == null) {
            throw new IamDataException("AWS-managed policy " + arn + " lacks its name or document");
        }
        return new ManagedPolicy(arn, fields.get("name"), fields.getOrDefault("version", ""),
                fields.getOrDefault("updated", ""), document);
    }

    private static void expect(JsonParser parser, JsonToken actual, JsonToken expected, String what) {
        if (actual != expected) {
            throw new IamDataException("AWS-managed policies: expected " + expected + " in " + what + ", found "
                    + actual + " at " + parser.currentLocation().offsetDescription());
        }
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
