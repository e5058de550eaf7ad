a = <<-EOT


  EOT
