job "web" {
  group "app" {
    network {
      port {
        to = 8080
      }
    }
  }
}
