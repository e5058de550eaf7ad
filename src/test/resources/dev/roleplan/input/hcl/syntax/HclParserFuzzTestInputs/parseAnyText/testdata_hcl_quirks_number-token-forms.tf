a = 1.e5
b = 1.x
c = x.0e1.y
d = 007
e = 1.5.length
