job "web" {
  group "g" {
    network {
      port "http" {
        static = 80
      }
    }
    task "t" {
      driver = "docker"
      resources {
        cpu = 100
        memory = 64
        memory = 128
      }
    }
  }
}
