{
  "job": {
    "shop": {
      "datacenters": [
        "dc1"
      ],
      "group": [
        {
          "api": {
            "network": {
              "mode": "bridge"
            },
            "service": {
              "name": "shop-api",
              "port": "9090",
              "connect": {
                "sidecar_service": {}
              }
            },
            "task": {
              "api": {
                "driver": "docker",
                "config": {
                  "image": "example/shop-api:1"
                }
              }
            }
          }
        },
        {
          "web": {
            "count": 2,
            "network": {
              "mode": "bridge",
              "port": {
                "http": {
                  "static": 8080,
                  "to": 8080
                }
              }
            },
            "service": {
              "name": "shop-web",
              "port": "http",
              "connect": {
                "sidecar_service": {
                  "proxy": {
                    "upstreams": {
                      "destination_name": "shop-api",
                      "local_bind_port": 9090
                    }
                  }
                }
              }
            },
            "task": {
              "web": {
                "driver": "docker",
                "config": {
                  "image": "example/shop-web:1"
                },
                "env": {
                  "API_URL": "http://${NOMAD_UPSTREAM_ADDR_shop_api}"
                }
              }
            }
          }
        }
      ]
    }
  }
}
