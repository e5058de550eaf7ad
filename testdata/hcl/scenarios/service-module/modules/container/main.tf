variable "name" {
  type = string
}

variable "image" {
  type = string
}

variable "essential" {
  type    = bool
  default = true
}

variable "secrets" {
  type    = list(object({ name = string, valueFrom = string }))
  default = null
}

locals {
  definition = {
    name      = var.name
    image     = var.image
    essential = var.essential
    secrets   = var.secrets
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = "/ecs/${var.name}"
        awslogs-region        = "eu-west-1"
        awslogs-stream-prefix = "ecs"
      }
    }
  }
}

output "container_definition" {
  value = { for k, v in local.definition : k => v if v != null }
}
