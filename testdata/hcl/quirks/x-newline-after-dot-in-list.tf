a = [x.
y]
