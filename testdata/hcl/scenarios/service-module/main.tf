# The shape of terraform-aws-modules/ecs's service module, reduced: count-gated roles referred to through
# try(...[0].arn, var.x), policy documents with count and dynamic statements, container definitions built by a
# for_each module with optional() attributes, attachments by for_each.

provider "aws" {
  region = "eu-west-1"
}

module "api" {
  source = "./modules/service"
  name   = "api"

  container_definitions = {
    app = {
      image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1.0"
      secrets = [{ name = "DB", valueFrom = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf" }]
    }
    sidecar = {
      image     = "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable"
      essential = false
    }
  }

  tasks_iam_role_statements = [{
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.assets.arn}/*"]
  }]
  task_exec_iam_role_policies = {
    ssm = "arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess"
  }
}

resource "aws_s3_bucket" "assets" {
  bucket = "api-assets"
}
