variable "environment" {
  description = "Plain environment variables for the app container"
  type        = map(string)
  default = {
    LOG_LEVEL = "info"
    PORT      = "8080"
  }
}

variable "secret_arns" {
  description = "Secrets Manager secrets injected into the container"
  type = list(object({
    name = string
    arn  = string
  }))
  default = []
}

variable "ecr_repository_url" {
  type = string
}

variable "image_tag" {
  type    = string
  default = "latest"

  validation {
    condition     = length(var.image_tag) > 0 && !startswith(var.image_tag, "sha256:")
    error_message = "Use a tag, not a digest, for image_tag."
  }
}

variable "desired_count" {
  type    = number
  default = 2
}

variable "cpu_architecture" {
  type    = string
  default = "ARM64"
}

variable "log_retention_days" {
  type    = number
  default = 30
}

variable "kms_key_arn" {
  type    = string
  default = ""
}

variable "efs_file_system_id" {
  type    = string
  default = null
}

variable "enable_execute_command" {
  type    = bool
  default = false
}

variable "cluster_arn" { type = string }
variable "vpc_id" { type = string }
variable "private_subnets" { type = list(string) }
variable "alb_security_group_ids" { type = list(string) }
variable "target_group_arn" { type = string }
variable "database_host" { type = string }
