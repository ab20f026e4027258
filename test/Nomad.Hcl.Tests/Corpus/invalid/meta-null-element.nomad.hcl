job "x" {
  meta = { a = "x", r = null }
}
