for {
}
if "x" {
}
