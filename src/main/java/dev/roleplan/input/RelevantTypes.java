package dev.roleplan.input;

import java.util.Set;

/**
 * The resource and data source types the analysis needs, whichever front end reads them. One list, so that a
 * plan and the configuration it was made from yield the same resources.
 */
public final class RelevantTypes {

    public static final Set<String> ALL = Set.of(
            "aws_ecs_task_definition", "aws_ecs_service",
            "aws_iam_role", "aws_iam_role_policy", "aws_iam_role_policy_attachment", "aws_iam_policy_attachment",
            "aws_iam_policy", "aws_iam_policy_document",
            "aws_caller_identity", "aws_region", "aws_partition",
            "aws_kms_key", "aws_kms_alias", "aws_secretsmanager_secret", "aws_ssm_parameter",
            "aws_efs_file_system", "aws_efs_access_point", "aws_cloudwatch_log_group", "aws_ecr_repository");

    private RelevantTypes() {
    }
}
