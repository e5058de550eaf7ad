a = [for x, y, z in w : x]
