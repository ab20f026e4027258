job "j" {
  group "g" {
    scaling {
      max  = 3
      type = "vertical"
    }
    task "t" {
      driver = "docker"
    }
  }
}
