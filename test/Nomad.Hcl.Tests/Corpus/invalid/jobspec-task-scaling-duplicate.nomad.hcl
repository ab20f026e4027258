job "j" {
  group "g" {
    task "t" {
      driver = "docker"
      scaling "cpu" {
        max = 3
      }
      scaling "CPU" {
        max = 4
      }
    }
  }
}
