job "j" {
  group "g" {
    task "t" {
      driver = "docker"
      scaling "mem" {
        max  = 3
        type = "vertical_cpu"
      }
    }
  }
}
