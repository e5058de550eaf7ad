variable "name" {
  type = string
}

variable "create" {
  type    = bool
  default = true
}

variable "container_definitions" {
  type = map(object({
    image     = string
    essential = optional(bool, true)
    secrets   = optional(list(object({ name = string, valueFrom = string })))
  }))
}

variable "tasks_iam_role_statements" {
  type = list(object({
    sid       = optional(string)
    actions   = optional(list(string))
    resources = optional(list(string))
  }))
  default = null
}

variable "task_exec_iam_role_policies" {
  type    = map(string)
  default = {}
}

variable "task_exec_iam_role_arn" {
  type    = string
  default = null
}

data "aws_partition" "current" {}

module "container" {
  source   = "../container"
  for_each = { for k, v in var.container_definitions : k => v if var.create }

  name      = each.key
  image     = each.value.image
  essential = each.value.essential
  secrets   = each.value.secrets
}

resource "aws_ecs_task_definition" "this" {
  count = var.create ? 1 : 0

  family                = var.name
  container_definitions = jsonencode([for k, v in module.container : v.container_definition])
  execution_role_arn    = try(aws_iam_role.task_exec[0].arn, var.task_exec_iam_role_arn)
  task_role_arn         = try(aws_iam_role.tasks[0].arn, null)
}

data "aws_iam_policy_document" "assume" {
  count = var.create ? 1 : 0

  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "task_exec" {
  count              = var.create ? 1 : 0
  name               = "${var.name}-task-exec"
  assume_role_policy = data.aws_iam_policy_document.assume[0].json
}

resource "aws_iam_role_policy_attachment" "task_exec" {
  for_each   = { for k, v in var.task_exec_iam_role_policies : k => v if var.create }
  role       = aws_iam_role.task_exec[0].name
  policy_arn = each.value
}

resource "aws_iam_role_policy_attachment" "task_exec_managed" {
  count      = var.create ? 1 : 0
  role       = aws_iam_role.task_exec[0].name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role" "tasks" {
  count              = var.create ? 1 : 0
  name               = "${var.name}-tasks"
  assume_role_policy = data.aws_iam_policy_document.assume[0].json
}

data "aws_iam_policy_document" "tasks" {
  count = var.create && var.tasks_iam_role_statements != null ? 1 : 0

  dynamic "statement" {
    for_each = var.tasks_iam_role_statements
    content {
      sid       = statement.value.sid
      actions   = statement.value.actions
      resources = statement.value.resources
    }
  }
}

resource "aws_iam_role_policy" "tasks" {
  count  = length(data.aws_iam_policy_document.tasks)
  name   = "${var.name}-tasks"
  role   = aws_iam_role.tasks[0].id
  policy = data.aws_iam_policy_document.tasks[0].json
}
