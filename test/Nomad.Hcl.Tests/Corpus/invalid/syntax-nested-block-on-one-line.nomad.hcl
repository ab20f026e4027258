job "web" {
  group "web" {
    task "app" { driver = "docker" config { image = "x" } }
  }
}
