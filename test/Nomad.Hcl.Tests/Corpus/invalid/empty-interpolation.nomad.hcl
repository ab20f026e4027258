job "web" {
  group "g" {
    network {
      port http {
        to = 80
      }
    }
    task "t" {
      driver = "docker"
      template {
        data = "${ }"
      }
    }
  }
}
