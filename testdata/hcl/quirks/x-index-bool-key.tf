a = x[true]
