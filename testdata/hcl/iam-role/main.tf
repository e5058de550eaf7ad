################################################################################
# Task execution role and task role with policy documents,
# in the style of terraform-aws-modules/iam and terraform-aws-ecs
################################################################################

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.name

  create_task_exec_policy = var.create_task_exec_policy && (length(var.task_exec_ssm_param_arns) > 0 || length(var.task_exec_secret_arns) > 0)

  bucket_statements = {
    read = {
      actions   = ["s3:GetObject", "s3:ListBucket"]
      resources = ["arn:${local.partition}:s3:::${var.bucket}", "arn:${local.partition}:s3:::${var.bucket}/*"]
    }
    write = {
      actions   = ["s3:PutObject"]
      resources = ["arn:${local.partition}:s3:::${var.bucket}/uploads/*"]
    }
  }
}

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

data "aws_iam_policy_document" "task_exec_assume" {
  statement {
    sid     = "ECSTaskExecutionAssumeRole"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:${local.partition}:ecs:${local.region}:${local.account_id}:*"]
    }
  }
}

resource "aws_iam_role" "task_exec" {
  name                 = "${var.name}-exec"
  path                 = var.role_path
  description          = coalesce(var.task_exec_iam_role_description, "Task execution role for ${var.name}")
  assume_role_policy   = data.aws_iam_policy_document.task_exec_assume.json
  permissions_boundary = var.permissions_boundary
  force_detach_policies = true

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "task_exec" {
  for_each = { for k, v in merge(
    { AmazonECSTaskExecutionRolePolicy = "arn:${local.partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy" },
    var.task_exec_iam_role_policies,
  ) : k => v }

  role       = aws_iam_role.task_exec.name
  policy_arn = each.value
}

data "aws_iam_policy_document" "task_exec" {
  count = local.create_task_exec_policy ? 1 : 0

  # Pulled from AmazonECSTaskExecutionRolePolicy
  statement {
    sid = "Logs"
    actions = [
      "logs:CreateLogStream",
      "logs:PutLogEvents",
    ]
    resources = ["*"]
  }

  dynamic "statement" {
    for_each = length(var.task_exec_ssm_param_arns) > 0 ? [1] : []

    content {
      sid       = "GetSSMParams"
      actions   = ["ssm:GetParameters"]
      resources = var.task_exec_ssm_param_arns
    }
  }

  dynamic "statement" {
    for_each = length(var.task_exec_secret_arns) > 0 ? [1] : []

    content {
      sid       = "GetSecrets"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = var.task_exec_secret_arns
    }
  }

  dynamic "statement" {
    for_each = var.task_exec_iam_statements

    content {
      sid           = try(statement.value.sid, null)
      actions       = try(statement.value.actions, null)
      not_actions   = try(statement.value.not_actions, null)
      effect        = try(statement.value.effect, null)
      resources     = try(statement.value.resources, null)
      not_resources = try(statement.value.not_resources, null)

      dynamic "principals" {
        for_each = try(statement.value.principals, [])

        content {
          type        = principals.value.type
          identifiers = principals.value.identifiers
        }
      }

      dynamic "condition" {
        for_each = try(statement.value.conditions, [])

        content {
          test     = condition.value.test
          values   = condition.value.values
          variable = condition.value.variable
        }
      }
    }
  }
}

resource "aws_iam_policy" "task_exec" {
  count = local.create_task_exec_policy ? 1 : 0

  name_prefix = "${var.name}-exec-"
  policy      = data.aws_iam_policy_document.task_exec[0].json
}

resource "aws_iam_role_policy_attachment" "task_exec_custom" {
  count = local.create_task_exec_policy ? 1 : 0

  role       = aws_iam_role.task_exec.name
  policy_arn = aws_iam_policy.task_exec[0].arn
}

resource "aws_iam_role" "tasks" {
  name = "${var.name}-task"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "ECSTasksAssumeRole"
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Condition = {
        ArnLike = {
          "aws:SourceArn" = "arn:${local.partition}:ecs:${local.region}:${local.account_id}:*"
        }
        StringEquals = {
          "aws:SourceAccount" = local.account_id
        }
      }
    }]
  })

  inline_policy {
    name = "exec-command"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [
        {
          Effect = "Allow"
          Action = [
            "ssmmessages:CreateControlChannel",
            "ssmmessages:CreateDataChannel",
            "ssmmessages:OpenControlChannel",
            "ssmmessages:OpenDataChannel",
          ]
          Resource = "*"
        },
      ]
    })
  }

  tags = var.tags
}

data "aws_iam_policy_document" "tasks" {
  source_policy_documents   = var.source_policy_documents
  override_policy_documents = var.override_policy_documents

  dynamic "statement" {
    for_each = local.bucket_statements

    content {
      sid       = "Bucket${title(statement.key)}"
      effect    = "Allow"
      actions   = statement.value.actions
      resources = statement.value.resources
    }
  }

  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    not_actions = ["s3:GetBucketLocation"]
    resources = ["*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }

  statement {
    sid     = "KmsDecrypt"
    actions = ["kms:Decrypt", "kms:GenerateDataKey*"]
    resources = [
      for key in var.kms_key_arns : key
      if key != null && key != ""
    ]
  }
}

resource "aws_iam_role_policy" "tasks" {
  name   = "${var.name}-task"
  role   = aws_iam_role.tasks.id
  policy = data.aws_iam_policy_document.tasks.json
}

resource "aws_iam_policy" "legacy" {
  name = "${var.name}-legacy"

  # an old-style policy kept as a heredoc
  policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["sqs:SendMessage", "sqs:ReceiveMessage"],
      "Resource": "arn:aws:sqs:*:${local.account_id}:${var.name}-*"
    }
  ]
}
POLICY
}
