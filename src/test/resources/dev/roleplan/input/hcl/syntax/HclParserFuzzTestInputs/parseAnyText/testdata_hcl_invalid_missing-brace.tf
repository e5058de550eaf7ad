resource "aws_iam_role" "this" {
  name = "x"

resource "aws_iam_role" "other" {
  name = "y"
}
