job "web" {
  group "app" {
    task "server" {
      driver = "docker"

      resources {
        cpu    = 500
        memory = "256MB"
      }
    }
  }
}
