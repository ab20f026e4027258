job "x" {
  meta = {
    a = "x\ud800y"
  }
}
