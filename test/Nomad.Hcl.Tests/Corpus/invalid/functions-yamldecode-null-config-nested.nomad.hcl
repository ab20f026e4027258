job "x" {
  group "g" {
    task "t" {
      driver = "docker"
      config {
        image = "redis"
        args  = ["a", yamldecode("~")]
      }
    }
  }
}
