a = [<<A
x
A
, <<B
y
B
]
