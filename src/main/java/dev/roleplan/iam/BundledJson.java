package dev.roleplan.iam;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import dev.roleplan.json.SkippingJsonFactory;

import java.io.IOException;

/**
 * How the bundled IAM data's JSON is read: the action catalog's whole ({@link CatalogReader}, when the build compiles
 * it and when a build without that step reads it), the AWS-managed policies indexed first, by skipping each policy
 * over its bytes, then each one parsed from its own bytes when first asked for.
 */
final class BundledJson {

    private BundledJson() {
    }

    /**
     * Tens of thousands of distinct field names (action and policy names) are read once each: canonicalizing
     * and interning them, Jackson's default, costs more than it saves.
     */
    static final JsonFactory PARSING = JsonFactory.builder()
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();

    /** The same, skipping a value by scanning its bytes: for the index. */
    static final JsonFactory INDEXING = new SkippingJsonFactory((JsonFactoryBuilder) new JsonFactoryBuilder()
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES));

    /** Where one value (a policy) is in the bytes: from its '{' to after its '}'. */
    record Range(int start, int end) {

        /** Skips the value the indexing parser is on (its start token), and says where it was. */
        static Range skip(JsonParser indexing) throws IOException {
            long start = indexing.currentTokenLocation().getByteOffset();
            indexing.skipChildren();
            return new Range((int) start, (int) indexing.currentLocation().getByteOffset());
        }

        /** A parser over just this value's bytes. */
        JsonParser parser(byte[] json) throws IOException {
            return PARSING.createParser(json, start, end - start);
        }
    }
}
