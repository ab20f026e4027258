job "mesh-custom" {
  datacenters = ["dc1"]
  group "web" {
    network {
      mode = "bridge"
      port "http" {
        to = 8080
      }
      port "proxy" {
        to = 21000
      }
    }
    service {
      name = "web"
      port = "http"
      connect {
        sidecar_service {
          port = "proxy"
        }
        sidecar_task {
          name         = "envoy"
          kill_timeout = "10s"
          config {
            image = "envoyproxy/envoy:v1.29"
          }
          env {
            LEVEL = "debug"
          }
          resources {
            cpu    = 400
            memory = 256
          }
          logs {
            max_files = 4
          }
          shutdown_delay = "2s"
        }
      }
    }
    task "web" {
      driver = "podman"
      config {
        image = "web:1"
      }
      kill_signal = "SIGINT"
    }
  }
}
