package dev.roleplan.model;

/** A task definition volume; {@code efs} is null unless it is an EFS volume. */
public record Volume(String name, EfsVolume efs) {

    /**
     * {@code efs_volume_configuration}. {@code iamAuthorization} is {@code authorization_config.iam = "ENABLED"}.
     */
    public record EfsVolume(
            Value<String> fileSystemId,
            String rootDirectory,
            boolean transitEncryption,
            boolean iamAuthorization,
            Value<String> accessPointId) {
    }
}
