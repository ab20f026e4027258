job "mesh-api" {
  datacenters = ["dc1"]
  group "api" {
    count = 2
    network {
      mode = "bridge"
    }
    service {
      name = "api"
      port = "9090"
      connect {
        sidecar_service {
          proxy {
            upstreams {
              destination_name = "db"
              local_bind_port  = 5432
            }
          }
        }
      }
    }
    task "api" {
      driver = "docker"
      config {
        image = "api:1"
      }
    }
  }
}
