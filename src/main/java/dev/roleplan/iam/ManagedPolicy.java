package dev.roleplan.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An AWS-managed policy's current default version.
 *
 * @param arn          e.g. {@code arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy}
 * @param name         e.g. {@code AmazonECSTaskExecutionRolePolicy}
 * @param version      default version id, e.g. {@code v1}
 * @param updated      date of that version, {@code yyyy-MM-dd}
 * @param documentJson the policy document as JSON text (keys sorted)
 */
public record ManagedPolicy(String arn, String name, String version, String updated, String documentJson) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The document, parsed on each call (parse once per run; most runs need a handful). */
    public JsonNode document() {
        try {
            return JSON.readTree(documentJson);
        } catch (JsonProcessingException e) {
            throw new IamDataException("bundled AWS-managed policy " + arn + " has a malformed document: "
                    + e.getOriginalMessage(), e);
        }
    }
}
