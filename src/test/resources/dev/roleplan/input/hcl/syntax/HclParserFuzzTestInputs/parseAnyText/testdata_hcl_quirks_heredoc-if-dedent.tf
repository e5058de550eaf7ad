a = <<-EOT
    %{ if c }
      yes
    %{ else }
      no
    %{ endif }
  EOT
