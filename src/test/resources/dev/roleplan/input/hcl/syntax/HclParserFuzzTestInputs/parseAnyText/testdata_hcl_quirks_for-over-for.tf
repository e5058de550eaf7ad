a = [for for in for: for]
