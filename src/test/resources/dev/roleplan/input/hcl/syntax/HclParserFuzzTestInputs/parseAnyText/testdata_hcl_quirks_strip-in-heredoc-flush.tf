a = <<-EOT
    x ${~ y ~} z
    w
  EOT
