package dev.roleplan.iam;

import dev.roleplan.model.PolicyDocument;

import java.util.List;

/** PLACEHOLDER until the lead's PolicyParser is merged from main; delete on merge. */
public final class PolicyParser {
    private PolicyParser() {
    }

    public static PolicyDocument parse(String json) {
        return new PolicyDocument("2012-10-17", List.of(), List.of());
    }
}
