job "web" {
  group "g" {
    count = var.n
  }
}
