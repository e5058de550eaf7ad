for = 1
in = 2
