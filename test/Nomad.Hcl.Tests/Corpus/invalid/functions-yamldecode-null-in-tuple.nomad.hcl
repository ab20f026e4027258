job "x" {
  meta = {
    r = [yamldecode("~")]
  }
}
