job "web" {
  meta {
    nan = (1 / 0) - (1 / 0)
  }
}
