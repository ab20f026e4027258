{
  "job": {
    "ingress-demo": {
      "datacenters": [
        "dc1"
      ],
      "group": [
        {
          "ingress": {
            "network": {
              "mode": "bridge",
              "port": {
                "inbound": {
                  "static": 8080,
                  "to": 8080
                }
              }
            },
            "service": {
              "name": "my-ingress",
              "port": "8080",
              "connect": {
                "gateway": {
                  "proxy": {
                    "connect_timeout": "500ms"
                  },
                  "ingress": {
                    "listener": {
                      "port": 8080,
                      "protocol": "tcp",
                      "service": {
                        "name": "uuid-api"
                      }
                    }
                  }
                }
              }
            }
          }
        },
        {
          "native": {
            "consul": {
              "namespace": "apps"
            },
            "service": {
              "name": "uuid-api",
              "port": "${NOMAD_PORT_api}",
              "task": "api",
              "connect": {
                "native": true
              }
            },
            "network": {
              "mode": "bridge",
              "port": {
                "api": {}
              }
            },
            "task": {
              "api": {
                "driver": "docker",
                "config": {
                  "image": "hashicorpdev/uuid-api:v5",
                  "network_mode": "host"
                },
                "env": {
                  "BIND": "0.0.0.0",
                  "PORT": "${NOMAD_PORT_api}"
                }
              }
            }
          }
        }
      ]
    }
  }
}
