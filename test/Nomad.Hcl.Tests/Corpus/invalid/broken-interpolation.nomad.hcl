job "web" {
  group "g" {
    task "t" {
      driver = "docker"
      config {
        image = "nginx:${1 +}"
      }
    }
  }
}
