job "web" {
  group "g" {
    task "t" {
      driver = "docker"
      config {
        args = [for x in [1, 2] : x x]
      }
    }
  }
}
