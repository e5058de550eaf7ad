package dev.roleplan.ecs;

import dev.roleplan.model.AccountContext;
import dev.roleplan.model.Address;
import dev.roleplan.model.ChangeAction;
import dev.roleplan.model.Reference;
import dev.roleplan.model.Resource;
import dev.roleplan.model.StoredSecret;
import dev.roleplan.model.TaskDefinition;
import dev.roleplan.model.UnknownValue;
import dev.roleplan.model.Value;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.roleplan.testing.Fixtures.container;
import static dev.roleplan.testing.Fixtures.taskDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StoredSecretsTest {

    private static Resource resource(String mode, String type, String address, Map<String, Object> values,
                                     Map<String, List<Reference>> references) {
        return new Resource(Address.of(address), mode, type, address.substring(address.lastIndexOf('.') + 1), values, null,
                ChangeAction.CREATE, references, null);
    }

    @Test
    void secretsAndSecureStringParametersWithTheirKeys() {
        Map<String, Object> secret = new HashMap<>();
        secret.put("name", "prod/db");
        secret.put("arn", new UnknownValue("known after apply", List.of()));
        secret.put("kms_key_id", new UnknownValue("known after apply", List.of()));
        Map<String, Object> secure = Map.of("name", "/prod/token", "type", "SecureString", "key_id", "alias/app");
        Map<String, Object> plain = Map.of("name", "/prod/flag", "type", "String", "key_id", "alias/app");
        Map<String, Object> existing = Map.of("name", "legacy", "arn",
                "arn:aws:secretsmanager:eu-west-1:123456789012:secret:legacy-AbC123");
        List<StoredSecret> stored = StoredSecrets.from(List.of(
                resource("managed", "aws_ssm_parameter", "aws_ssm_parameter.token", secure, Map.of()),
                resource("managed", "aws_ssm_parameter", "aws_ssm_parameter.flag", plain, Map.of()),
                resource("managed", "aws_secretsmanager_secret", "aws_secretsmanager_secret.db", secret,
                        Map.of("kms_key_id", List.of(new Reference(Address.of("aws_kms_key.db"), "arn")))),
                resource("data", "aws_secretsmanager_secret", "data.aws_secretsmanager_secret.legacy", existing, Map.of()),
                resource("managed", "aws_iam_role", "aws_iam_role.x", Map.of("name", "x"), Map.of())));
        assertEquals(List.of(
                        "aws_secretsmanager_secret.db SECRETS_MANAGER name=prod/db key=unknown[aws_kms_key.db.arn]",
                        "aws_ssm_parameter.flag SSM_PARAMETER name=/prod/flag key=absent",
                        "aws_ssm_parameter.token SSM_PARAMETER name=/prod/token key=alias/app",
                        "data.aws_secretsmanager_secret.legacy SECRETS_MANAGER name=legacy key=absent"),
                stored.stream().map(s -> s.address() + " " + s.store() + " name=" + s.name().orNull() + " key=" + show(s.kmsKey())).toList());

        TaskDefinition td = taskDefinition("aws_ecs_task_definition.app").container(container("app")
                .secret("DB", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-XyZ789")
                .secret("FLAG", "/prod/flag")).build();
        List<String> kms = Requirements.analyse(td, List.of(), new AccountContext(Value.known("eu-west-1"),
                Value.known("123456789012"), Value.absent()), stored).requirements().stream()
                .filter(r -> r.kind() == RequirementKind.KMS).map(r -> r.resource() + " | " + r.field()).toList();
        assertEquals(List.of("${aws_kms_key.db.arn} | secrets[DB].valueFrom"), kms);
    }

    private static String show(Value<String> v) {
        if (v instanceof Value.Unknown<String> u) {
            return "unknown" + u.references();
        }
        return v.isAbsent() ? "absent" : v.orNull();
    }
}
