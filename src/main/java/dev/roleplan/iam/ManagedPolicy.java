package dev.roleplan.iam;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An AWS-managed policy's current default version.
 *
 * @param arn      e.g. {@code arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy}
 * @param name     e.g. {@code AmazonECSTaskExecutionRolePolicy}
 * @param version  default version id, e.g. {@code v1}
 * @param updated  date of that version, {@code yyyy-MM-dd}
 * @param document the policy document as AWS returns it (treat as read-only)
 */
public record ManagedPolicy(String arn, String name, String version, String updated, JsonNode document) {
}
