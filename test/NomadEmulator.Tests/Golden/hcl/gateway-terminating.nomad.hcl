job "gw-terminating" {
  datacenters = ["dc1"]
  group "terminating" {
    network {
      mode = "bridge"
    }
    service {
      name = "terminating"
      connect {
        gateway {
          proxy {
            connect_timeout = "2s"
          }
          terminating {
            service {
              name = "legacy"
            }
          }
        }
      }
    }
  }
}
