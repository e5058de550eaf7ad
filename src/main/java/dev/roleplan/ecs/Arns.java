package dev.roleplan.ecs;

import dev.roleplan.model.AccountContext;

/** The little ARN handling requirements need: split into parts, and the partition of a region. */
final class Arns {

    private Arns() {
    }

    /** {@code arn:partition:service:region:account:resource}; resource keeps its own colons. */
    record Parsed(String partition, String service, String region, String account, String resource) {
        String text() {
            return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
        }
    }

    /** The ARN's parts, or null when the text is not an ARN (or contains an unknown part in its header). */
    static Parsed parse(String text) {
        if (text == null || !text.startsWith("arn:")) {
            return null;
        }
        String[] parts = text.split(":", 6);
        if (parts.length < 6 || parts[1].isEmpty() || parts[2].isEmpty()) {
            return null;
        }
        return new Parsed(parts[1], parts[2], parts[3], parts[4], parts[5]);
    }

    /** The partition a region belongs to; else the fallback when given; else the commercial partition. */
    static String partitionOfRegion(String region, String fallback) {
        if (region != null) {
            return AccountContext.partitionOf(region);
        }
        return fallback != null ? fallback : "aws";
    }

    /** Text that is exactly one Terraform interpolation, e.g. {@code ${aws_kms_key.main.arn}} → its inside. */
    static String soleReference(String text) {
        if (text != null && text.startsWith("${") && text.endsWith("}") && text.indexOf("${", 2) < 0
                && text.indexOf('}') == text.length() - 1) {
            return text.substring(2, text.length() - 1).trim();
        }
        return null;
    }

    /** The resource address of a reference such as {@code module.a.aws_kms_key.main.arn}: without the attribute. */
    static String referenceTarget(String reference) {
        int dot = reference.lastIndexOf('.');
        return dot < 0 ? reference : reference.substring(0, dot);
    }

    /** The resource type of a reference's target: {@code module.a.aws_kms_key.main} → {@code aws_kms_key}. */
    static String referenceType(String reference) {
        String[] parts = referenceTarget(reference).split("\\.");
        for (int i = 0; i + 1 < parts.length; i++) {
            if (parts[i].equals("module")) {
                i++;
                continue;
            }
            if (parts[i].equals("data")) {
                return "data." + parts[i + 1];
            }
            return parts[i].replaceAll("\\[.*$", "");
        }
        return "";
    }
}
