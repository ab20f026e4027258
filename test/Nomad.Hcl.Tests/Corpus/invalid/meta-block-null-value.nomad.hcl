job "x" {
  meta {
    r = null
  }
}
