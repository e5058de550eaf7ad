resource "aws_iam_role" "task" {
  name = "web-task"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
  }
}
