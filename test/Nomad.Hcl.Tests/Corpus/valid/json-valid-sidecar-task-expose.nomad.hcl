{
  "job": {
    "expose-demo": {
      "datacenters": [
        "dc1"
      ],
      "group": {
        "api": {
          "network": {
            "mode": "bridge",
            "port": {
              "healthcheck": {
                "to": "${-1}"
              }
            }
          },
          "service": {
            "name": "api",
            "port": "9090",
            "connect": {
              "sidecar_service": {
                "tags": [
                  "mesh"
                ],
                "proxy": {
                  "local_service_port": 9090,
                  "config": {
                    "protocol": "http"
                  },
                  "expose": {
                    "path": {
                      "path": "/health",
                      "protocol": "http",
                      "local_path_port": 9090,
                      "listener_port": "healthcheck"
                    }
                  },
                  "upstreams": {
                    "destination_name": "db",
                    "local_bind_port": 5432,
                    "datacenter": "dc2",
                    "mesh_gateway": {
                      "mode": "local"
                    }
                  }
                }
              },
              "sidecar_task": {
                "resources": {
                  "cpu": 50,
                  "memory": 64
                },
                "shutdown_delay": "5s"
              }
            },
            "check": {
              "name": "api-health",
              "type": "http",
              "port": "healthcheck",
              "path": "/health",
              "interval": "10s",
              "timeout": "3s"
            }
          },
          "task": {
            "api": {
              "driver": "docker",
              "config": {
                "image": "example/api:2"
              }
            }
          }
        }
      }
    }
  }
}
