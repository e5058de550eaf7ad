package dev.roleplan.model;

/**
 * A Secrets Manager secret ({@code aws_secretsmanager_secret}) or SSM parameter ({@code aws_ssm_parameter})
 * defined in the input, with the KMS key that encrypts it, so that the requirements of a container that
 * reads it can include {@code kms:Decrypt} on that key.
 *
 * @param address the resource's address
 * @param store   which service holds it
 * @param arn     the secret or parameter ARN (often unknown until apply for a new secret)
 * @param name    the secret name or parameter name as written (parameter names may start with "/")
 * @param kmsKey  {@code kms_key_id} / {@code key_id} as written: a key ARN, key id, alias name or alias ARN;
 *                absent when the AWS-managed default key is used
 */
public record StoredSecret(Address address, Store store, Value<String> arn, Value<String> name, Value<String> kmsKey) {

    public enum Store { SECRETS_MANAGER, SSM_PARAMETER }
}
