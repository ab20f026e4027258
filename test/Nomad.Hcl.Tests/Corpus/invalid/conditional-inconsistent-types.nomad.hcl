job "x" {
  meta = {
    a = true ? "a" : [1]
  }
}
