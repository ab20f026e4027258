job "gw-ingress" {
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
      name = "ingress"
      port = "8080"
      connect {
        gateway {
          ingress {
            listener {
              port     = 8080
              protocol = "tcp"
              service {
                name = "api"
              }
            }
          }
        }
      }
    }
  }
}
