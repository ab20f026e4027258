job "web" {
  group "web" {
    count[1] = 2
  }
}
