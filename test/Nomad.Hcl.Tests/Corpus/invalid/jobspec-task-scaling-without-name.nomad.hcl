job "j" {
  group "g" {
    task "t" {
      driver = "docker"
      scaling {
        max  = 3
      }
    }
  }
}
