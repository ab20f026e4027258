job "net" {
  meta = {
    subnet = cidrsubnet("10.0.0.0/30", 4, 1)
  }
}
