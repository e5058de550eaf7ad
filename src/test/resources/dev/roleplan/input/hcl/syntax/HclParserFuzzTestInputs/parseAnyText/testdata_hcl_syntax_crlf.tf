locals {
  a = 1
  b = <<-EOT
    line
  EOT
  c = "x" # comment
}
