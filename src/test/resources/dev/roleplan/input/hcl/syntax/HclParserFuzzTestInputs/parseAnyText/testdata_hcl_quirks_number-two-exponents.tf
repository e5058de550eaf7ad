a = 1e3e4
