job "gw-ingress-host" {
  datacenters = ["dc1"]
  group "ingress" {
    network {
      mode = "host"
      port "inbound" {
        static = 8080
      }
    }
    service {
      name = "ingress-host"
      port = "inbound"
      connect {
        gateway {
          proxy {}
          ingress {
            tls {
              enabled       = true
              cipher_suites = ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"]
            }
            listener {
              port = 8080
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
