a = true.x
