job "x" {
  meta = {
    a = yamldecode("~") + "x"
  }
}
