a = <<-EOT
    EOT is the marker
  EOT
