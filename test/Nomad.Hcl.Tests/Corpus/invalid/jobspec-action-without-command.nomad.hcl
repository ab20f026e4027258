job "j" {
  group "g" {
    task "t" {
      driver = "docker"
      action "backup" {
        args = ["-x"]
      }
    }
  }
}
