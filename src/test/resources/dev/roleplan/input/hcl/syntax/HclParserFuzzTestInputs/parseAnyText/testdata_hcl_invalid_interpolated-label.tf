resource "aws_${x}" "y" {
}
