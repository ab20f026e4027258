job "web" {
  group "g" {
    task "t" {
      driver = "docker"
      config {
        image = "x:${var.tag}"
      }
    }
  }
}
