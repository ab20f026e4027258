job "j" {
  group "g" {
    volume "v" "w" {
      type = "host"
    }
    task "t" {
      driver = "docker"
    }
  }
}
