package dev.roleplan.model;

import java.util.List;
import java.util.Map;

/**
 * One container of a task definition, with the fields roleplan judges. Environment values are kept only so
 * that rules can recognise a credential; no renderer ever prints them.
 *
 * @param repositoryCredentialsParameter {@code repositoryCredentials.credentialsParameter}, or null
 */
public record ContainerDefinition(
        String name,
        String image,
        Boolean essential,
        Boolean privileged,
        LogConfiguration logConfiguration,
        List<Secret> secrets,
        List<EnvironmentVariable> environment,
        List<EnvironmentFile> environmentFiles,
        String repositoryCredentialsParameter,
        Map<String, Object> otherFields) {

    public ContainerDefinition {
        secrets = List.copyOf(secrets);
        environment = List.copyOf(environment);
        environmentFiles = List.copyOf(environmentFiles);
        otherFields = otherFields == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(otherFields));
    }

    /**
     * {@code mountPoints[]}, read from {@link #otherFields()} (front ends keep it there as parsed JSON).
     * Entries without a {@code sourceVolume} are left out: they mount nothing.
     */
    public List<MountPoint> mountPoints() {
        if (!(otherFields.get("mountPoints") instanceof List<?> list)) {
            return List.of();
        }
        List<MountPoint> out = new java.util.ArrayList<>();
        for (Object entry : list) {
            if (entry instanceof Map<?, ?> m && m.get("sourceVolume") instanceof String volume) {
                Object path = m.get("containerPath");
                Object readOnly = m.get("readOnly");
                out.add(new MountPoint(volume, path == null ? null : path.toString(),
                        Boolean.TRUE.equals(readOnly) || "true".equals(readOnly)));
            }
        }
        return List.copyOf(out);
    }

    /** {@code mountPoints[]}: the task volume mounted, where, and whether read-only. */
    public record MountPoint(String sourceVolume, String containerPath, boolean readOnly) {
    }

    /** {@code logConfiguration}; options as strings, in key order. */
    public record LogConfiguration(String logDriver, Map<String, String> options, List<Secret> secretOptions) {
        public LogConfiguration {
            options = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(options));
            secretOptions = List.copyOf(secretOptions);
        }
    }

    /** {@code secrets[]}: the variable name and the ARN or name of the secret or parameter. */
    public record Secret(String name, String valueFrom) {
    }

    /** {@code environment[]}. The value may be a credential: never print it. */
    public record EnvironmentVariable(String name, String value) {
        @Override
        public String toString() {
            return "EnvironmentVariable[name=" + name + ", value=<redacted>]";
        }
    }

    /** {@code environmentFiles[]}: type (s3) and value (object ARN). */
    public record EnvironmentFile(String type, String value) {
    }
}
