{
  "job": {
    "frontend": {
      "datacenters": [
        "dc1"
      ],
      "namespace": "web",
      "ui": {
        "description": "The **public** web frontend",
        "link": {
          "label": "Runbook",
          "url": "https://wiki.example.com/frontend"
        }
      },
      "migrate": {
        "max_parallel": 2,
        "health_check": "task_states",
        "min_healthy_time": "15s"
      },
      "group": {
        "web": {
          "scaling": {
            "min": 2,
            "max": 10,
            "enabled": true,
            "policy": {
              "cooldown": "1m",
              "check": {
                "cpu": {
                  "source": "nomad-apm",
                  "query": "avg_cpu"
                }
              }
            }
          },
          "shutdown_delay": "5s",
          "update": {
            "canary": 1,
            "max_parallel": 1,
            "auto_promote": true
          },
          "task": {
            "web": {
              "driver": "docker",
              "identity": [
                {
                  "env": true,
                  "file": true
                },
                {
                  "name": "vault_default",
                  "aud": [
                    "vault.io"
                  ],
                  "ttl": "1h"
                }
              ],
              "config": {
                "image": "example/frontend:3"
              },
              "service": {
                "name": "frontend",
                "provider": "nomad",
                "tags": [
                  "public"
                ]
              }
            }
          }
        }
      }
    }
  }
}
