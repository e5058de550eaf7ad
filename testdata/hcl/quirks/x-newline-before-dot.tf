a = x
.y
