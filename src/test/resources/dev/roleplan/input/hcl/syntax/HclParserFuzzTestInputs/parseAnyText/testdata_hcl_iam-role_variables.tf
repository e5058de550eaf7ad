variable "name" {
  type = string
}

variable "role_path" {
  type    = string
  default = null
}

variable "permissions_boundary" {
  type    = string
  default = null
}

variable "create_task_exec_policy" {
  type    = bool
  default = true
}

variable "task_exec_iam_role_description" {
  type    = string
  default = null
}

variable "task_exec_iam_role_policies" {
  type    = map(string)
  default = {}
}

variable "task_exec_ssm_param_arns" {
  type    = list(string)
  default = ["arn:aws:ssm:*:*:parameter/*"]
}

variable "task_exec_secret_arns" {
  type    = list(string)
  default = ["arn:aws:secretsmanager:*:*:secret:*"]
}

variable "task_exec_iam_statements" {
  type    = any
  default = {}
}

variable "bucket" {
  type = string
}

variable "kms_key_arns" {
  type    = list(string)
  default = []
}

variable "source_policy_documents" {
  type    = list(string)
  default = []
}

variable "override_policy_documents" {
  type    = list(string)
  default = []
}

variable "tags" {
  type    = map(string)
  default = {}
}
