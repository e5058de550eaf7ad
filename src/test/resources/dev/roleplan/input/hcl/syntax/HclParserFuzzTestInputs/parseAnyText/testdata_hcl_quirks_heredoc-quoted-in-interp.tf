a = <<-EOT
    ${"a\nb"}
  EOT
