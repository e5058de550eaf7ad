package dev.roleplan.ecs;

import dev.roleplan.model.StoredSecret;
import dev.roleplan.model.StoredSecret.Store;

import java.util.List;

/**
 * What a {@code valueFrom} (or {@code credentialsParameter}) names: a Secrets Manager secret by full or
 * partial ARN (JSON-key and version suffixes stripped), an SSM parameter by ARN or by name (resolved in the
 * task's region and account), or a Terraform reference to either.
 *
 * @param resource      the ARN or ARN pattern the execution role must allow
 * @param region        the region of the secret, or null when not known
 * @param account       the account of the secret, or null when not known
 * @param stored        the secret or parameter of the input it names, or null
 */
record SecretSource(Store store, String resource, String unknownReason, String region, String account,
                    StoredSecret stored) {

    /** Secrets Manager appends "-" and six random characters to a secret's name to make its ARN. */
    private static final String RANDOM_SUFFIX = "-[A-Za-z0-9]{6}";

    static SecretSource parse(String valueFrom, TaskPlace place, List<StoredSecret> stored) {
        if (valueFrom == null || valueFrom.isEmpty()) {
            return null;
        }
        if (valueFrom.startsWith("${")) {
            return fromReference(valueFrom, stored);
        }
        Arns.Parsed arn = Arns.parse(valueFrom);
        if (arn == null) {
            return parameterName(valueFrom, place, stored);
        }
        if (arn.service().equals("secretsmanager") && arn.resource().startsWith("secret:")) {
            return secretArn(arn, stored);
        }
        if (arn.service().equals("ssm") && arn.resource().startsWith("parameter/")) {
            String name = arn.resource().substring("parameter/".length());
            return new SecretSource(Store.SSM_PARAMETER, valueFrom, null, arn.region(), arn.account(),
                    find(stored, Store.SSM_PARAMETER, name, valueFrom));
        }
        return null;
    }

    private static SecretSource secretArn(Arns.Parsed arn, List<StoredSecret> stored) {
        String afterType = arn.resource().substring("secret:".length());
        int colon = afterType.indexOf(':');
        String name = colon < 0 ? afterType : afterType.substring(0, colon); // drops :json-key:stage:version-id
        String base = "arn:" + arn.partition() + ":secretsmanager:" + arn.region() + ":" + arn.account() + ":secret:";
        StoredSecret byExactName = find(stored, Store.SECRETS_MANAGER, name, null);
        boolean full = name.matches(".*" + RANDOM_SUFFIX) && byExactName == null;
        if (full) {
            String plainName = name.substring(0, name.length() - 7);
            StoredSecret match = find(stored, Store.SECRETS_MANAGER, plainName, base + name);
            return new SecretSource(Store.SECRETS_MANAGER, base + name, null, arn.region(), arn.account(), match);
        }
        // A partial ARN: the policy must match whichever random suffix the secret has.
        return new SecretSource(Store.SECRETS_MANAGER, base + name + "-??????", null, arn.region(), arn.account(),
                byExactName);
    }

    private static SecretSource parameterName(String name, TaskPlace place, List<StoredSecret> stored) {
        String bare = name.startsWith("/") ? name.substring(1) : name;
        String resource = "arn:" + place.partition() + ":ssm:" + place.region() + ":" + place.account() + ":parameter/" + bare;
        String reason = place.reason(true, true);
        if (reason == null && bare.contains("${")) {
            reason = "part of the parameter name is known only after apply";
        }
        return new SecretSource(Store.SSM_PARAMETER, resource, reason, place.regionReason() == null ? place.region() : null,
                place.accountReason() == null ? place.account() : null, find(stored, Store.SSM_PARAMETER, bare, null));
    }

    private static SecretSource fromReference(String valueFrom, List<StoredSecret> stored) {
        String ref = Requirements.leadingReference(valueFrom);
        if (ref == null) {
            return null;
        }
        String target = Arns.referenceTarget(ref);
        String type = Arns.referenceType(ref);
        StoredSecret match = null;
        for (StoredSecret s : stored) {
            if (s.address().text().equals(target)) {
                match = s;
                break;
            }
        }
        Store store;
        if (type.startsWith("aws_secretsmanager_secret") || type.startsWith("data.aws_secretsmanager_secret")) {
            store = Store.SECRETS_MANAGER;
        } else if (type.equals("aws_ssm_parameter") || type.equals("data.aws_ssm_parameter")) {
            store = Store.SSM_PARAMETER;
        } else if (match != null) {
            store = match.store();
        } else {
            return null;
        }
        String resource = "${" + target + ".arn}";
        return new SecretSource(store, resource, "the ARN of " + target + " is known only after apply", null, null, match);
    }

    /** The stored secret of this store with this name (a leading "/" ignored) or ARN, or null. */
    private static StoredSecret find(List<StoredSecret> stored, Store store, String name, String arn) {
        for (StoredSecret s : stored) {
            if (s.store() != store) {
                continue;
            }
            if (arn != null && arn.equals(s.arn().orNull())) {
                return s;
            }
            String n = s.name().orNull();
            if (n != null && name != null && strip(n).equals(strip(name))) {
                return s;
            }
        }
        return null;
    }

    private static String strip(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }
}
