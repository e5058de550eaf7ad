a = f(
  # c
  1)
