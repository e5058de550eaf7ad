package dev.roleplan.iam;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.roleplan.iam.BundledJson.Range;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * The documents of all AWS-managed policies, loaded from the bundled {@code managed-policies.json.gz}
 * on first use (only runs that attach an {@code arn:aws:iam::aws:policy/...} need them).
 */
public final class ManagedPolicies {

    static final String RESOURCE = "/dev/roleplan/iam/managed-policies.json.gz";
    private static final int SUPPORTED_FORMAT = 2;

    /** Policies read so far (all of them when loaded eagerly), by ARN. */
    private final Map<String, ManagedPolicy> read = new ConcurrentHashMap<>();
    /** The uncompressed file and where each policy is in it, for policies read on first use; null when eager. */
    private final byte[] json;
    private final Map<String, Range> ranges;
    /** Every ARN, sorted, and the ARN of every name. */
    private final List<String> arns;
    private final Map<String, String> arnByName;

    private ManagedPolicies(Map<String, ManagedPolicy> byArn) {
        this(null, Map.of(), List.copyOf(byArn.keySet()), namesOf(byArn.values()));
        read.putAll(byArn);
    }

    private ManagedPolicies(byte[] json, Map<String, Range> ranges, List<String> arns, Map<String, String> arnByName) {
        this.json = json;
        this.ranges = ranges;
        this.arns = arns;
        this.arnByName = arnByName;
    }

    private static Map<String, String> namesOf(Collection<ManagedPolicy> policies) {
        Map<String, String> names = new TreeMap<>();
        for (ManagedPolicy p : policies) {
            names.put(p.name(), p.arn());
        }
        return Collections.unmodifiableMap(names);
    }

    /** The name an AWS-managed policy's ARN ends with (always its name: checked over the bundled data in a test). */
    static String nameInArn(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    /** The policy with exactly this ARN, read on first use; null if none. */
    private ManagedPolicy policy(String arn) {
        ManagedPolicy hit = read.get(arn);
        if (hit != null || json == null) {
            return hit;
        }
        Range range = ranges.get(arn);
        if (range == null) {
            return null;
        }
        return read.computeIfAbsent(arn, a -> {
            try (JsonParser parser = range.parser(json)) {
                expect(parser, parser.nextToken(), JsonToken.START_OBJECT, a);
                ManagedPolicy p = readPolicy(parser, a);
                if (!p.name().equals(nameInArn(a))) {
                    throw new IamDataException("AWS-managed policy " + a + " is named " + p.name() + ", not as its ARN ends");
                }
                return p;
            } catch (IOException e) {
                throw new IamDataException("cannot read bundled AWS-managed policy " + a + ": " + e.getMessage(), e);
            }
        });
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
            return loadLazily(gz);
        } catch (IOException e) {
            throw new IamDataException("cannot read bundled AWS-managed policies " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Loads from uncompressed JSON in the format {@code tools/iam-data/extract.mjs} writes, every policy. */
    public static ManagedPolicies load(InputStream json) throws IOException {
        Map<String, ManagedPolicy> byArn = new TreeMap<>();
        read(BundledJson.PARSING.createParser(json), (arn, parser) -> byArn.put(arn, readPolicy(parser, arn)));
        return new ManagedPolicies(byArn);
    }

    /**
     * Loads only where each policy is: a run reads the few policies its roles attach, not all ~1,600 (their
     * documents are 3.7 MB of escaped JSON). Names come from the ARNs, which end with them.
     */
    static ManagedPolicies loadLazily(InputStream json) throws IOException {
        byte[] bytes = json.readAllBytes();
        Map<String, Range> ranges = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        read(BundledJson.INDEXING.createParser(bytes), (arn, parser) -> {
            ranges.put(arn, Range.skip(parser));
            names.put(nameInArn(arn), arn);
        });
        return new ManagedPolicies(bytes, Map.copyOf(ranges), List.copyOf(ranges.keySet()), Collections.unmodifiableMap(names));
    }

    private interface PolicyVisitor {
        /** Called with the parser on the START_OBJECT of the policy; leaves it on its END_OBJECT. */
        void visit(String arn, JsonParser parser) throws IOException;
    }

    private static void read(JsonParser opened, PolicyVisitor visitor) throws IOException {
        int format = -1;
        try (JsonParser parser = opened) {
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
                        visitor.visit(arn, parser);
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
        ManagedPolicy hit = policy(arn);
        if (hit == null && isAwsManagedArn(arn)) {
            hit = policy("arn:aws" + arn.substring(arn.indexOf(':', 4)));
        }
        return Optional.ofNullable(hit);
    }

    /** The document of the policy with this ARN. */
    public Optional<JsonNode> document(String arn) {
        return byArn(arn).map(ManagedPolicy::document);
    }

    /** The policy with this name (names are unique among AWS-managed policies). */
    public Optional<ManagedPolicy> byName(String name) {
        String arn = arnByName.get(name);
        return arn == null ? Optional.empty() : Optional.ofNullable(policy(arn));
    }

    /** All policy names, sorted. */
    public List<String> names() {
        return new ArrayList<>(arnByName.keySet());
    }

    /** All policies by ARN, sorted (reads every policy). */
    public Map<String, ManagedPolicy> all() {
        Map<String, ManagedPolicy> out = new TreeMap<>();
        for (String arn : arns) {
            out.put(arn, policy(arn));
        }
        return Collections.unmodifiableMap(out);
    }

    public int size() {
        return arns.size();
    }
}
