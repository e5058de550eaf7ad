a = {
  k = <<EOT
v
EOT
  l = 1
}
