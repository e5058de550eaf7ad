package dev.roleplan.iam;

import dev.roleplan.model.PolicyDocument;

/** A policy document with the id findings and evaluation results refer to it by (a name, ARN or address). */
public record NamedPolicy(String id, PolicyDocument document) {
}
