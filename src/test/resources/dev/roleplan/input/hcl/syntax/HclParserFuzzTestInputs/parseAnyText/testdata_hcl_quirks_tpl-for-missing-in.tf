a = "%{for x xs}a%{endfor}"
