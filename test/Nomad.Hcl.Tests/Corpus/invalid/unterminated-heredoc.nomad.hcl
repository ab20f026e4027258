job "web" {
  group "g" {
    task "t" {
      driver = "docker"
      template {
        data = <<EOT
hello
      }
    }
  }
}
