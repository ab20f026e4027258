{
  "job": {
    "web": {
      "datacenters": [
        "dc1"
      ],
      "type": "service",
      "group": {
        "frontend": {
          "count": 2,
          "network": {
            "port": {
              "http": {
                "to": 8080
              }
            }
          },
          "service": {
            "name": "web",
            "port": "http",
            "tags": [
              "urlprefix-/",
              "v1"
            ],
            "check": {
              "type": "http",
              "path": "/health",
              "interval": "10s",
              "timeout": "2s"
            }
          },
          "task": {
            "nginx": {
              "driver": "docker",
              "config": {
                "image": "nginx:1.25",
                "ports": [
                  "http"
                ]
              },
              "env": {
                "LISTEN_PORT": "${NOMAD_PORT_http}"
              },
              "resources": {
                "cpu": 200,
                "memory": 256
              }
            }
          }
        }
      }
    }
  }
}
