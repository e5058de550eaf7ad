a = <<-EOT
    x

EOT
