a = <<EOT
    x
    EOT
