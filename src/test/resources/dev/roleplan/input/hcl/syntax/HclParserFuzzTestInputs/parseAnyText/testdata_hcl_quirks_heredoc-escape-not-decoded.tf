a = <<EOT
x\ny
EOT
