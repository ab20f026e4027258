job "web" {
  group "g" {
    counts = 1
  }
}
