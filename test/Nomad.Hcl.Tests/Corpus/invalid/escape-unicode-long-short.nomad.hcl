job "x" {
  meta = {
    a = "x\U0001F60y"
  }
}
