job "x" {
  meta = {
    a = "x\U00110000y"
  }
}
