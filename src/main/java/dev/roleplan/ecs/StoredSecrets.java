package dev.roleplan.ecs;

import dev.roleplan.model.Resource;
import dev.roleplan.model.StoredSecret;
import dev.roleplan.model.Value;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The Secrets Manager secrets and SSM parameters of an input, with the KMS keys that encrypt them, read from
 * its resources ({@code aws_secretsmanager_secret} and its data source: {@code kms_key_id};
 * {@code aws_ssm_parameter} and its data source: {@code key_id} of a SecureString). For the resolver to put
 * into {@link dev.roleplan.model.Model#storedSecrets()}, so that requirements can include {@code kms:Decrypt}.
 */
public final class StoredSecrets {

    private StoredSecrets() {
    }

    public static List<StoredSecret> from(Collection<Resource> resources) {
        List<StoredSecret> out = new ArrayList<>();
        for (Resource r : resources) {
            if (r.values() == null) {
                continue; // being destroyed
            }
            switch (r.type()) {
                case "aws_secretsmanager_secret" -> out.add(new StoredSecret(r.address(), StoredSecret.Store.SECRETS_MANAGER,
                        r.string("arn"), r.string("name"), r.string("kms_key_id")));
                case "aws_ssm_parameter" -> {
                    Value<String> type = r.string("type");
                    // Only a SecureString is encrypted; a String or StringList parameter needs no key.
                    boolean secure = !type.isKnown() || "SecureString".equals(type.orNull());
                    out.add(new StoredSecret(r.address(), StoredSecret.Store.SSM_PARAMETER, r.string("arn"),
                            r.string("name"), secure ? r.string("key_id") : Value.absent()));
                }
                default -> {
                }
            }
        }
        out.sort(Comparator.comparing(StoredSecret::address));
        return List.copyOf(out);
    }
}
