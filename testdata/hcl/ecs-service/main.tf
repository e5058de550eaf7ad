################################################################################
# ECS task definition and service, in the style of terraform-aws-modules/ecs
################################################################################

locals {
  name   = "orders-api"
  region = "eu-west-1"

  container_name = "app"
  container_port = 8080

  tags = {
    Name       = local.name
    Example    = local.name
    Repository = "https://github.com/example/orders"
  }

  # environment variables rendered as the name/value list ECS expects
  environment = [
    for k, v in var.environment : {
      name  = k
      value = tostring(v)
    }
  ]

  secrets = [for s in var.secret_arns : { name = upper(replace(s.name, "-", "_")), valueFrom = s.arn }]

  log_group_name = "/aws/ecs/${local.name}/${local.container_name}"
}

data "aws_caller_identity" "current" {}
data "aws_region" "current" {}
data "aws_partition" "current" {}

resource "aws_cloudwatch_log_group" "this" {
  name              = local.log_group_name
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn != "" ? var.kms_key_arn : null

  tags = local.tags
}

resource "aws_ecs_task_definition" "this" {
  family                   = local.name
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = aws_iam_role.task_exec.arn
  task_role_arn            = aws_iam_role.tasks.arn

  container_definitions = jsonencode([
    {
      name      = local.container_name
      image     = "${var.ecr_repository_url}:${var.image_tag}"
      essential = true
      cpu       = 256
      memory    = 512
      portMappings = [
        {
          name          = local.container_name
          containerPort = local.container_port
          hostPort      = local.container_port
          protocol      = "tcp"
        }
      ]
      environment = local.environment
      secrets     = local.secrets
      readonlyRootFilesystem = false
      linuxParameters = {
        initProcessEnabled = true
        capabilities = {
          add  = []
          drop = ["NET_RAW"]
        }
      }
      healthCheck = {
        command     = ["CMD-SHELL", "curl -f http://localhost:${local.container_port}/health || exit 1"]
        interval    = 30
        timeout     = 5
        retries     = 3
        startPeriod = 60
      }
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.this.name
          awslogs-region        = local.region
          awslogs-stream-prefix = "ecs"
        }
      }
    },
    {
      name              = "log-router"
      image             = "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0"
      essential         = false
      memoryReservation = 50
      firelensConfiguration = {
        type = "fluentbit"
        options = { enable-ecs-log-metadata = "true" }
      }
      user = "0"
    }
  ])

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = var.cpu_architecture
  }

  dynamic "volume" {
    for_each = var.efs_file_system_id == null ? [] : [var.efs_file_system_id]

    content {
      name = "data"

      efs_volume_configuration {
        file_system_id     = volume.value
        transit_encryption = "ENABLED"
        authorization_config {
          iam = "ENABLED"
        }
      }
    }
  }

  tags = merge(local.tags, { Component = "task-definition" })
}

resource "aws_ecs_task_definition" "migrations" {
  family                   = "${local.name}-migrations"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = aws_iam_role.task_exec.arn
  task_role_arn            = aws_iam_role.tasks.arn

  # written by hand as JSON, the way many older configurations still do it
  container_definitions = <<-EOF
    [
      {
        "name": "migrations",
        "image": "${var.ecr_repository_url}:${var.image_tag}",
        "essential": true,
        "command": ["bin/migrate", "--to", "latest"],
        "environment": [
          {"name": "DATABASE_HOST", "value": "${var.database_host}"},
          {"name": "RAILS_ENV", "value": "production"}
        ],
        "logConfiguration": {
          "logDriver": "awslogs",
          "options": {
            "awslogs-group": "${aws_cloudwatch_log_group.this.name}",
            "awslogs-region": "${data.aws_region.current.name}",
            "awslogs-stream-prefix": "migrations"
          }
        }
      }
    ]
  EOF
}

resource "aws_ecs_service" "this" {
  name                               = local.name
  cluster                            = var.cluster_arn
  task_definition                    = aws_ecs_task_definition.this.arn
  desired_count                      = var.desired_count
  launch_type                        = "FARGATE"
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  enable_execute_command             = var.enable_execute_command
  wait_for_steady_state              = false

  network_configuration {
    subnets          = var.private_subnets
    security_groups  = [aws_security_group.service.id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = var.target_group_arn
    container_name   = local.container_name
    container_port   = local.container_port
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  lifecycle {
    ignore_changes = [desired_count]
  }

  depends_on = [aws_iam_role_policy_attachment.task_exec]
}

resource "aws_security_group" "service" {
  name_prefix = "${local.name}-"
  vpc_id      = var.vpc_id

  ingress {
    from_port       = local.container_port
    to_port         = local.container_port
    protocol        = "tcp"
    security_groups = var.alb_security_group_ids
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
