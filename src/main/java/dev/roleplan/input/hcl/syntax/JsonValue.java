package dev.roleplan.input.hcl.syntax;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A value of HCL's JSON syntax ({@code .tf.json}) with its source range. Objects keep their members in order,
 * duplicates included: in HCL's JSON syntax a repeated name can mean several blocks, and which names are blocks
 * is decided by the application's schema, not here.
 */
public sealed interface JsonValue {

    SourceRange range();

    record JsonObject(List<Member> members, SourceRange range) implements JsonValue {
        public JsonObject {
            members = List.copyOf(members);
        }

        /** Every member of that name, in order. */
        public List<JsonValue> all(String key) {
            List<JsonValue> out = new ArrayList<>();
            for (Member member : members) {
                if (member.key().equals(key)) {
                    out.add(member.value());
                }
            }
            return out;
        }
    }

    record Member(String key, SourceRange keyRange, JsonValue value) {
    }

    record JsonArray(List<JsonValue> items, SourceRange range) implements JsonValue {
        public JsonArray {
            items = List.copyOf(items);
        }
    }

    /** A string; {@code hasEscapes} tells whether positions inside it can be mapped back to the file exactly. */
    record JsonString(String value, boolean hasEscapes, SourceRange range) implements JsonValue {
    }

    record JsonNumber(BigDecimal value, SourceRange range) implements JsonValue {
    }

    record JsonBool(boolean value, SourceRange range) implements JsonValue {
    }

    record JsonNull(SourceRange range) implements JsonValue {
    }
}
