{
  "job": {
    "frontend": {
      "datacenters": [
        "dc1"
      ],
      "update": {
        "max_parallel": 3,
        "canary": 3,
        "auto_promote": true,
        "auto_revert": true,
        "min_healthy_time": "15s"
      },
      "group": {
        "web": {
          "count": 3,
          "network": {
            "port": {
              "http": {}
            }
          },
          "service": {
            "name": "frontend",
            "port": "http",
            "tags": [
              null
            ],
            "canary_tags": [
              "canary"
            ],
            "check": {
              "type": "http",
              "path": "/healthz",
              "interval": "5s",
              "timeout": "1s",
              "check_restart": {
                "limit": 3,
                "grace": "30s"
              }
            }
          },
          "task": {
            "web": {
              "driver": "docker",
              "config": {
                "image": "ghcr.io/example/frontend:1.4.2",
                "ports": [
                  "http"
                ]
              }
            }
          }
        }
      }
    }
  }
}
