job "web" {
  meta = {
    a = "1"
    b = (1 + )
  }
}
