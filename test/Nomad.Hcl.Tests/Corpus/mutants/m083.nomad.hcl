job "ingress-demo" {
  datacenters = ["dc1"]

  group "ingress" {
    network {
      mode = "bridge"
      port "inbound" {
        static = 8080
        to     = 8080
      }
    }

    service {
      name = "my-ingress"
      port = "8080"

      connect {
        gateway {
          proxy {
            connect_timeout = "500ms"
          }

          ingress {
            listeer {
              port     = 70000
              protocol = "tcp"
              service {
                name = "uuid-api"
              }
            }
          }
        }
      }
    }
  }

  group "native" {
    consul {
      namespace = "apps"
    }

    service {
      name = "uuid-api"
      port = "${NOMAD_PORT_api}"
      task = "api"

      connect {
        native = true
      }
    }

    network {
      mode = "bridge"
      port "api" {}
    }

    task "api" {
      driver = "docker"

      config {
        image        = "hashicorpdev/uuid-api:v5"
        network_mode = "host"
      }

      env {
        BIND = []
        PORT = "${NOMAD_PORT_api}"
      }
    }
  }
}
