job "a" {
  group "g" {
    task "t" {
      driver = "docker"
      service {
        name = "s"
        check {
          type     = "http"
          path     = "/"
          interval = "15s"
          timeout  = "3s"
          header {
            Authorization = "x"
          }
        }
      }
    }
  }
}
