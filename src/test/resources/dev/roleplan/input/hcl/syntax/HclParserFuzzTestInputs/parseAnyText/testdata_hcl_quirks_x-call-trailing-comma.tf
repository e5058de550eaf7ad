a = f(x,)
