output "task_definition_arn" {
  description = "Full ARN of the task definition (family:revision)"
  value       = aws_ecs_task_definition.this.arn
}

output "task_exec_role_arn" {
  value = aws_iam_role.task_exec.arn
}

output "container_names" {
  value = [for c in jsondecode(aws_ecs_task_definition.this.container_definitions) : c.name]
}

output "security_group_ids" {
  value = aws_security_group.service[*].id
}
