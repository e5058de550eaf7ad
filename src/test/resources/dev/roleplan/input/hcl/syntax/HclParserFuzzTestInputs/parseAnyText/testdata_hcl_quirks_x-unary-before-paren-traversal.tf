a = -(x).y
