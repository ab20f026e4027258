job "j" {
  group "g" {
    task "t" {
      driver = "docker"
      scaling "disk" {
        max = 3
      }
    }
  }
}
