job "web" {
  priority = 50 & 10
}
