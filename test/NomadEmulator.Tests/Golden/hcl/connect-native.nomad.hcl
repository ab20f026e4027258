job "mesh-native" {
  datacenters = ["dc1"]
  group "app" {
    network {
      mode = "bridge"
      port "http" {}
    }
    service {
      name = "native"
      port = "http"
      connect {
        native = true
      }
    }
    task "app" {
      driver = "docker"
      config {
        image = "native:1"
      }
    }
  }
}
