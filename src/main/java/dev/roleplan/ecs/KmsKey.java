package dev.roleplan.ecs;

import dev.roleplan.model.StoredSecret;
import dev.roleplan.model.Value;

/**
 * The customer-managed KMS key that encrypts a stored secret or parameter, as the ARN {@code kms:Decrypt}
 * must allow. AWS-managed default keys ({@code alias/aws/secretsmanager}, {@code alias/aws/ssm}) need no
 * identity permission and give none.
 */
record KmsKey(String resource, String unknownReason) {

    static KmsKey of(StoredSecret secret, String region, String account, String partition) {
        Value<String> key = secret.kmsKey();
        String text = key.orNull();
        if (text == null) {
            String reference = Requirements.firstReference(key);
            if (key instanceof Value.Unknown<String> u) {
                return fromReference(reference, secret, u.reason());
            }
            return null; // absent: the default AWS-managed key
        }
        String sole = Arns.soleReference(text);
        if (sole != null) {
            return fromReference(sole, secret, "computed on apply");
        }
        Arns.Parsed arn = Arns.parse(text);
        String aliasName = arn != null && arn.resource().startsWith("alias/") ? arn.resource()
                : text.startsWith("alias/") ? text : null;
        if (aliasName != null) {
            if (aliasName.startsWith("alias/aws/")) {
                return null;
            }
            return new KmsKey("${unknown:key-of-" + aliasName + "}", "the key behind " + aliasName
                    + " is not known from the input, and kms:Decrypt needs the key's ARN");
        }
        if (arn != null) {
            return new KmsKey(text, null);
        }
        // A bare key id lives in the secret's region and account.
        String r = region != null ? region : Requirement.UNKNOWN_REGION;
        String a = account != null ? account : Requirement.UNKNOWN_ACCOUNT;
        String reason = region != null && account != null ? null
                : "the region or account of " + secret.address() + " is not known from the input";
        return new KmsKey("arn:" + partition + ":kms:" + r + ":" + a + ":key/" + text, reason);
    }

    private static KmsKey fromReference(String reference, StoredSecret secret, String why) {
        if (reference == null) {
            return new KmsKey("${unknown:kms-key}", "the KMS key of " + secret.address() + " is known only after apply ("
                    + why + ")");
        }
        String type = Arns.referenceType(reference);
        String target = Arns.referenceTarget(reference);
        String resource = type.endsWith("aws_kms_key") ? "${" + target + ".arn}"
                : type.endsWith("aws_kms_alias") ? "${" + target + ".target_key_arn}"
                : "${" + reference + "}";
        return new KmsKey(resource, "the key " + target + " is known only after apply");
    }
}
