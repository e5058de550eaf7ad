variable "name" {
  type = string
}

variable "image" {
  type = string
}

variable "execution_role_arn" {
  type = string
}

variable "task_role_arn" {
  type = string
}

resource "aws_ecs_task_definition" "this" {
  family                   = "shop-${var.name}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "512"
  memory                   = "1024"
  execution_role_arn       = var.execution_role_arn
  task_role_arn            = var.task_role_arn
  container_definitions = jsonencode([{
    name      = var.name
    image     = var.image
    essential = true
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = "/ecs/shop-${var.name}"
        awslogs-region        = "eu-west-1"
        awslogs-stream-prefix = var.name
      }
    }
    secrets = [{
      name      = "DATABASE_URL"
      valueFrom = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/${var.name}/database-AbCdEf"
    }]
    environment = [{ name = "LOG_LEVEL", value = "info" }]
  }])
}
