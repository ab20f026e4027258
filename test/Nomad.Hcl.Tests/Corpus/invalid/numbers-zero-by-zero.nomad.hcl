job "web" {
  meta {
    nan = 0 / 0
  }
}
