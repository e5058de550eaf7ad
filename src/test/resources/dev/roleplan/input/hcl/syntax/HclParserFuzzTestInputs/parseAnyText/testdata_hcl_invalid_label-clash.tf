foo {}
foo "x" {}
