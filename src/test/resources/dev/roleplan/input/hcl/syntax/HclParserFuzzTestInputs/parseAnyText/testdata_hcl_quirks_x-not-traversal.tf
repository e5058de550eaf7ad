a = !x.y
