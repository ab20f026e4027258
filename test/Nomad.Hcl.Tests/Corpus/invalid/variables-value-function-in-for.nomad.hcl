variables {
  b = [for x in ["a"] : upper(x)]
}

job "x" {
  group "g" {
    task "t" {
      driver = "docker"
      config {
        image = var.b[0]
      }
    }
  }
}
