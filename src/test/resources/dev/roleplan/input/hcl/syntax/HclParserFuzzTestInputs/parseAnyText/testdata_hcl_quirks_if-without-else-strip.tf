a = "  %{~ if c ~}  yes  %{~ endif ~}  "
