job "a" {
  priority = 2.5.0
}
