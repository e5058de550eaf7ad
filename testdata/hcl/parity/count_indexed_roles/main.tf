# The configuration behind testdata/plans/count_indexed_roles.json (reconstructed from its "configuration"
# section and planned values), so HclPlanParityTest can compare the findings of both inputs.

provider "aws" {
  region = "us-east-1"
}

variable "use_first" {
  default = true
}

locals {
  assume = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Action    = "sts:AssumeRole"
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
    }]
  })
  containers = jsonencode([{
    name      = "app"
    image     = "public.ecr.aws/nginx/nginx:1.27"
    essential = true
    portMappings = [{ containerPort = 8080, hostPort = 8080, protocol = "tcp" }]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = "/ecs/app"
        awslogs-region        = "eu-west-1"
        awslogs-stream-prefix = "app"
      }
    }
  }])
}

resource "aws_iam_role" "execution" {
  name               = "app-execution"
  assume_role_policy = local.assume
}

resource "aws_iam_role" "task" {
  count              = 2
  name               = "app-${count.index}-task"
  assume_role_policy = local.assume
}

resource "aws_iam_policy" "app" {
  name = "app-read-data"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Action = ["s3:GetObject"], Effect = "Allow", Resource = "arn:aws:s3:::app-data/*" }]
  })
}

resource "aws_iam_role_policy_attachment" "task" {
  count      = 2
  role       = aws_iam_role.task[count.index].name
  policy_arn = aws_iam_policy.app.arn
}

resource "aws_ecs_task_definition" "app" {
  count                    = 2
  family                   = "app-${count.index}"
  container_definitions    = local.containers
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task[count.index].arn
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "256"
  memory                   = "512"
}

resource "aws_ecs_task_definition" "pinned" {
  family                   = "pinned"
  container_definitions    = local.containers
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task[1].arn
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "256"
  memory                   = "512"
}

resource "aws_ecs_task_definition" "either" {
  family                   = "either"
  container_definitions    = local.containers
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = var.use_first ? aws_iam_role.task[0].arn : aws_iam_role.task[1].arn
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "256"
  memory                   = "512"
}
