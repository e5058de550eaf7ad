a = "%{if c}a%{endfor}"
