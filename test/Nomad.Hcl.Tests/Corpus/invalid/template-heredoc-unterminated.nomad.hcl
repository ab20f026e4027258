job "web" {
  group "app" {
    task "server" {
      driver = "docker"

      template {
        destination = "local/app.env"
        data        = <<EOH
PORT={{ env "NOMAD_PORT_http" }}
EOT
      }
    }
  }
}
