package dev.roleplan.ecs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roleplan.iam.PolicyParser;
import dev.roleplan.model.PolicyDocument;
import dev.roleplan.model.RoleKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuggestedPolicyTest {

    private static Requirement req(RequirementKind kind, String action, String resource, String container) {
        return new Requirement(RoleKind.EXECUTION, kind, action, resource, container, "f", "w",
                resource.contains("${") ? "unknown" : null);
    }

    private static final List<Requirement> MIXED = List.of(
            req(RequirementKind.LOGS, "logs:PutLogEvents", "arn:aws:logs:eu-west-1:1:log-group:b:*", "b"),
            req(RequirementKind.ECR_AUTH, "ecr:GetAuthorizationToken", "*", "a"),
            req(RequirementKind.LOGS, "logs:CreateLogStream", "arn:aws:logs:eu-west-1:1:log-group:b:*", "b"),
            req(RequirementKind.LOGS, "logs:PutLogEvents", "arn:aws:logs:eu-west-1:1:log-group:a:*", "a"),
            req(RequirementKind.LOGS, "logs:CreateLogStream", "arn:aws:logs:eu-west-1:1:log-group:a:*", "a"),
            req(RequirementKind.LOG_GROUP_CREATION, "logs:CreateLogGroup", "arn:aws:logs:eu-west-1:1:log-group:a:*", "a"),
            req(RequirementKind.ECR_AUTH, "ecr:GetAuthorizationToken", "*", "b"),
            req(RequirementKind.ENVIRONMENT_FILE, "s3:GetObject", "arn:aws:s3:::cfg/a.env", "a"),
            req(RequirementKind.ENVIRONMENT_FILE_BUCKET, "s3:GetBucketLocation", "arn:aws:s3:::cfg", "a"),
            req(RequirementKind.KMS, "kms:Decrypt", "${aws_kms_key.main.arn}", "a"),
            req(RequirementKind.KMS, "kms:Decrypt", "${unknown:key-of-alias/app}", "a"));

    @Test
    void oneStatementPerKindSortedAndDeduplicatedInEveryOrder() {
        String expected = "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"EcrAuth\",\"Effect\":\"Allow\",\"Action\":\"ecr:GetAuthorizationToken\",\"Resource\":\"*\"},"
                + "{\"Sid\":\"Logs\",\"Effect\":\"Allow\",\"Action\":[\"logs:CreateLogStream\",\"logs:PutLogEvents\"],"
                + "\"Resource\":[\"arn:aws:logs:eu-west-1:1:log-group:a:*\",\"arn:aws:logs:eu-west-1:1:log-group:b:*\"]},"
                + "{\"Sid\":\"LogsCreateGroup\",\"Effect\":\"Allow\",\"Action\":\"logs:CreateLogGroup\",\"Resource\":\"arn:aws:logs:eu-west-1:1:log-group:a:*\"},"
                + "{\"Sid\":\"EnvironmentFiles\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::cfg/a.env\"},"
                + "{\"Sid\":\"EnvironmentFileBuckets\",\"Effect\":\"Allow\",\"Action\":\"s3:GetBucketLocation\",\"Resource\":\"arn:aws:s3:::cfg\"},"
                + "{\"Sid\":\"Kms\",\"Effect\":\"Allow\",\"Action\":\"kms:Decrypt\",\"Resource\":[\"${aws_kms_key.main.arn}\",\"${unknown:key-of-alias/app}\"]}]}";
        assertEquals(expected, SuggestedPolicy.of(MIXED).toJson());
        List<Requirement> reversed = new java.util.ArrayList<>(MIXED);
        java.util.Collections.reverse(reversed);
        assertEquals(expected, SuggestedPolicy.of(reversed).toJson());
    }

    @Test
    void theTreeIsTheSameDocumentAsTheJsonAndReadsBack() throws Exception {
        SuggestedPolicy p = SuggestedPolicy.of(MIXED);
        assertEquals(new ObjectMapper().readTree(p.toJson()), new ObjectMapper().valueToTree(p.toSuggestion().get("policy")));
        assertEquals(p, SuggestedPolicy.fromSuggestion(p.toSuggestion()));
        assertNull(SuggestedPolicy.fromSuggestion(java.util.Map.of("other", 1)));
        PolicyDocument doc = PolicyParser.parse(p.toJson());
        assertEquals(List.of(), doc.problems());
        assertEquals(6, doc.statements().size());
    }

    @Test
    void statementsOfOneKindWithDifferentResourcesGetNumberedSids() {
        SuggestedPolicy p = SuggestedPolicy.of(List.of(
                req(RequirementKind.EFS, "elasticfilesystem:ClientMount", "arn:aws:elasticfilesystem:r:1:file-system/fs-1", "a"),
                req(RequirementKind.EFS, "elasticfilesystem:ClientMount", "arn:aws:elasticfilesystem:r:1:file-system/fs-2", "a"),
                req(RequirementKind.EFS, "elasticfilesystem:ClientWrite", "arn:aws:elasticfilesystem:r:1:file-system/fs-1", "a")));
        assertEquals(List.of("Efs1", "Efs2"), p.statements().stream().map(SuggestedPolicy.SuggestedStatement::sid).toList());
        assertEquals(List.of("elasticfilesystem:ClientMount"), p.statements().get(0).actions());
        assertEquals(List.of("elasticfilesystem:ClientWrite"), p.statements().get(1).actions());
    }

    @Test
    void hclIsReadyToPasteWithRootReferencesKeptAndEverythingElseEscaped() {
        SuggestedPolicy p = SuggestedPolicy.of(List.of(
                req(RequirementKind.ECR_AUTH, "ecr:GetAuthorizationToken", "*", "a"),
                req(RequirementKind.SECRET, "secretsmanager:GetSecretValue", "arn:aws:secretsmanager:r:1:secret:db-??????", "a"),
                req(RequirementKind.KMS, "kms:Decrypt", "${aws_kms_key.main.arn}", "a"),
                req(RequirementKind.KMS, "kms:Decrypt", "${module.kms.aws_kms_key.main.arn}", "a"),
                req(RequirementKind.PARAMETER, "ssm:GetParameters", "arn:aws:ssm:${unknown:region}:1:parameter/%{x}", "a")));
        assertEquals("""
                data "aws_iam_policy_document" "execution" {
                  statement {
                    sid       = "EcrAuth"
                    effect    = "Allow"
                    actions   = ["ecr:GetAuthorizationToken"]
                    resources = ["*"]
                  }
                  statement {
                    sid       = "Secrets"
                    effect    = "Allow"
                    actions   = ["secretsmanager:GetSecretValue"]
                    resources = ["arn:aws:secretsmanager:r:1:secret:db-??????"]
                  }
                  statement {
                    sid       = "Parameters"
                    effect    = "Allow"
                    actions   = ["ssm:GetParameters"]
                    resources = ["arn:aws:ssm:$${unknown:region}:1:parameter/%%{x}"]
                  }
                  statement {
                    sid       = "Kms"
                    effect    = "Allow"
                    actions   = ["kms:Decrypt"]
                    resources = [
                      "${aws_kms_key.main.arn}",
                      "$${module.kms.aws_kms_key.main.arn}",
                    ]
                  }
                }
                """, p.toHcl("execution"));
        assertTrue(SuggestedPolicy.hclString("a\"b\\c").equals("\"a\\\"b\\\\c\""));
    }
}
