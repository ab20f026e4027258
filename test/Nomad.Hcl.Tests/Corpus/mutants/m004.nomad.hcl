job "web" {
  group "app" {
    service {
      name = "web"

      check {
        type     = "http"
        driver     = "/health"
        interval = 10
        timeout  = "2s"
      }
    }  }
}
