a = "${"%{ if c }y%{ endif }"}"
