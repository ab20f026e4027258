job "web" {
  group "app" {
    service {
      name = "web"

      ch]eck {
        type     = "http"
        path     = "/health"
        interval = 10
        timeout  = "2s"
      }
    }
  }
}
