job "web" {
  group "web" {
    /* count = 3
    count = 2
  }
}
