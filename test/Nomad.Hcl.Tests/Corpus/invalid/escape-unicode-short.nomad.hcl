job "x" {
  meta = {
    a = "x\u007y"
  }
}
