terraform {
  required_version = ">= 1.3"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0, < 6.0"
    }
  }

  backend "s3" {
    bucket         = "example-terraform-state"
    key            = "platform/services.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "terraform-locks"
    encrypt        = true
  }
}

provider "aws" {
  region = local.region

  default_tags {
    tags = {
      ManagedBy = "terraform"
      Team      = "platform"
    }
  }
}

locals {
  region = "eu-west-1"
  name   = "platform-${terraform.workspace}"

  services = {
    orders = {
      cpu       = 512
      memory    = 1024
      port      = 8080
      replicas  = 3
      public    = true
      image_tag = "1.4.2"
    }
    billing = {
      cpu       = 256
      memory    = 512
      port      = 9090
      replicas  = 2
      public    = false
      image_tag = "0.9.0"
    }
    worker = {
      cpu       = 1024
      memory    = 2048
      port      = null
      replicas  = 1
      public    = false
      image_tag = "2.0.0-rc.1"
    }
  }

  public_services = { for name, svc in local.services : name => svc if svc.public }
  ports           = compact([for svc in values(local.services) : svc.port == null ? "" : tostring(svc.port)])
  by_size         = { for name, svc in local.services : (svc.cpu >= 512 ? "large" : "small") => name... }

  azs = slice(data.aws_availability_zones.available.names, 0, 3)
}

data "aws_availability_zones" "available" {
  state = "available"
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.0"

  name = local.name
  cidr = "10.0.0.0/16"

  azs             = local.azs
  private_subnets = [for k, v in local.azs : cidrsubnet("10.0.0.0/16", 4, k)]
  public_subnets  = [for k, v in local.azs : cidrsubnet("10.0.0.0/16", 8, k + 48)]

  enable_nat_gateway = true
  single_nat_gateway = terraform.workspace != "production"
}

module "ecs_cluster" {
  source  = "terraform-aws-modules/ecs/aws//modules/cluster"
  version = "5.11.2"

  cluster_name = local.name

  cluster_configuration = {
    execute_command_configuration = {
      logging = "OVERRIDE"
      log_configuration = {
        cloud_watch_log_group_name = "/aws/ecs/${local.name}"
      }
    }
  }

  fargate_capacity_providers = {
    FARGATE = {
      default_capacity_provider_strategy = {
        weight = 50
        base   = 20
      }
    }
    FARGATE_SPOT = {
      default_capacity_provider_strategy = {
        weight = 50
      }
    }
  }
}

module "service" {
  source   = "./modules/service"
  for_each = local.services

  name        = "${local.name}-${each.key}"
  cluster_arn = module.ecs_cluster.arn
  cpu         = each.value.cpu
  memory      = each.value.memory
  desired     = each.value.replicas

  container_port = each.value.port
  image          = "123456789012.dkr.ecr.${local.region}.amazonaws.com/${each.key}:${each.value.image_tag}"

  subnet_ids = each.value.public ? module.vpc.public_subnets : module.vpc.private_subnets

  task_exec_secret_arns = [
    for s in try(var.service_secrets[each.key], []) : s.arn
  ]

  tags = {
    Service = each.key
    Tier    = each.value.public ? "edge" : "internal"
  }

  depends_on = [module.vpc]
}

module "service_alarms" {
  source = "./modules/alarms"
  count  = var.enable_alarms ? length(local.services) : 0

  service_name = keys(local.services)[count.index]
  threshold    = count.index == 0 ? 80 : 90
  alarm_arns   = module.service[keys(local.services)[count.index]].alarm_arns
}

output "service_task_definitions" {
  value = { for k, m in module.service : k => m.task_definition_arn }
}

output "all_exec_roles" {
  value = values(module.service)[*].task_exec_role_arn
}

output "first_private_subnet" {
  value = module.vpc.private_subnets.0
}

variable "service_secrets" {
  type = map(list(object({
    name = string
    arn  = string
  })))
  default = {}
}

variable "enable_alarms" {
  type    = bool
  default = true
}
