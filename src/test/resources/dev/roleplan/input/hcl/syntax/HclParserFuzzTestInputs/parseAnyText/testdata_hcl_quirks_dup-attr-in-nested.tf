a {
  x = 1
}
b {
  x = 1
}
x = 1
