job "gw-mesh" {
  datacenters = ["dc1"]
  group "mesh" {
    network {
      mode = "bridge"
      port "mesh_wan" {
        static = 9100
      }
    }
    service {
      name = "mesh-gateway"
      port = "mesh_wan"
      connect {
        gateway {
          mesh {}
        }
      }
    }
  }
}
