a = <<-EOT
    a
    %{~ if c ~}

    b
    %{~ endif ~}
  EOT
