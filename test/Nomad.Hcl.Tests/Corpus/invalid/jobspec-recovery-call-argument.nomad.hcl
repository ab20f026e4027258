job "web" {
  meta {
    a = upper((1 + ), "x")
    b = "ok"
  }
  priority = (
}
