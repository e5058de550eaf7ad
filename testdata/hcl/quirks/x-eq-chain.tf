a = a == b == c
