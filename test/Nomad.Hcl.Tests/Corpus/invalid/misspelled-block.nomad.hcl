job "web" {
  grup "g" {
    count = 1
  }
}
