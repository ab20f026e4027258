{
  "job": {
    "redis-cache": {
      "datacenters": [
        "dc1",
        "dc2"
      ],
      "type": "service",
      "priority": 70,
      "update": {
        "max_parallel": 2,
        "min_healthy_time": "30s",
        "healthy_deadline": "3m",
        "progress_deadline": "10m",
        "auto_revert": true,
        "canary": 1
      },
      "group": {
        "cache": {
          "count": 3,
          "spread": {
            "attribute": "${node.datacenter}",
            "weight": 80,
            "target": [
              {
                "dc1": {
                  "percent": 60
                }
              },
              {
                "dc2": {
                  "percent": 40
                }
              }
            ]
          },
          "restart": {
            "attempts": 5,
            "interval": "10m",
            "delay": "25s",
            "mode": "delay"
          },
          "ephemeral_disk": {
            "sticky": true,
            "migrate": true,
            "size": 500
          },
          "network": {
            "port": {
              "db": {
                "to": 6379
              }
            }
          },
          "service": {
            "name": "redis",
            "port": "db",
            "tags": [
              "cache",
              "v7"
            ],
            "check": {
              "name": "alive",
              "type": "tcp",
              "interval": "10s",
              "timeout": "2s"
            }
          },
          "task": {
            "redis": {
              "driver": "docker",
              "config": {
                "image": "redis:7.2-alpine",
                "ports": [
                  "db"
                ],
                "auth_soft_fail": true,
                "args": [
                  "redis-server",
                  "--appendonly",
                  "yes"
                ]
              },
              "resources": {
                "cpu": 500,
                "memory": 256,
                "memory_max": 512
              },
              "logs": {
                "max_files": 3,
                "max_file_size": 15
              },
              "kill_timeout": "20s",
              "kill_signal": "SIGTERM"
            }
          }
        }
      }
    }
  }
}
