a = a < b > c
