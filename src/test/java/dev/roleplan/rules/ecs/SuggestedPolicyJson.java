package dev.roleplan.rules.ecs;

import dev.roleplan.ecs.SuggestedPolicy;

/** A finding's suggestion back as the compact policy JSON, for exact comparison. */
final class SuggestedPolicyJson {

    private SuggestedPolicyJson() {
    }

    static String of(Object suggestion) {
        SuggestedPolicy p = SuggestedPolicy.fromSuggestion(suggestion);
        return p == null ? null : p.toJson();
    }
}
