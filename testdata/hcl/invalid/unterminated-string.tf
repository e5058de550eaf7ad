locals {
  name = "orders
}
