a = [for, b]
