# The bundled example: two modules wire ECS task definitions to roles whose ARNs are known only after
# apply. plan.json beside this file is what `terraform show -json` (1.9.5) prints for a first apply.

provider "aws" {
  region = "eu-west-1"
}

module "iam" {
  source = "./modules/iam"
  name   = "shop"
}

module "svc" {
  source   = "./modules/service"
  for_each = toset(["api", "worker"])

  name               = each.key
  image              = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/${each.key}:1.4.2"
  execution_role_arn = module.iam.execution_role_arn
  task_role_arn      = module.iam.task_role_arn
}

# A one-off job that reuses the execution role as its task role.
resource "aws_ecs_task_definition" "migrate" {
  family                   = "shop-migrate"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = module.iam.execution_role_arn
  task_role_arn            = module.iam.execution_role_arn
  container_definitions = jsonencode([{
    name      = "migrate"
    image     = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/api:1.4.2"
    essential = true
    command   = ["bin/migrate"]
  }])
}

# A legacy task definition that runs as a role managed in another stack.
resource "aws_ecs_task_definition" "legacy" {
  family                = "shop-legacy"
  execution_role_arn    = "arn:aws:iam::123456789012:role/legacy-ecs-execution"
  task_role_arn         = "arn:aws:iam::123456789012:role/legacy-app"
  container_definitions = <<-JSON
    [{"name": "legacy", "image": "nginx:1.27", "essential": true, "memory": 256}]
  JSON
}
