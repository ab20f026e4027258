job "x" {
  meta = {
    a = "x\uzzy"
  }
}
