job "web" {
  group "${var.name}" {
    count = 1
  }
}
