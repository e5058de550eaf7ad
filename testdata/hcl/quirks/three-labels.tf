a "b" "c" d {
}
