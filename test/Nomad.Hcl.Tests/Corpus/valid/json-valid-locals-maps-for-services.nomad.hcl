{
  "locals": {
    "env": "staging",
    "apps": {
      "api": {
        "port": 8080,
        "cpu": 300,
        "replicas": 2
      },
      "web": {
        "port": 3000,
        "cpu": 200,
        "replicas": 3
      }
    },
    "common_tags": [
      "env-${local.env}",
      "managed-by-gitops"
    ]
  },
  "job": {
    "apps": {
      "datacenters": [
        "dc1"
      ],
      "namespace": "${local.env}",
      "dynamic": {
        "group": {
          "for_each": "${local.apps}",
          "iterator": "app",
          "labels": [
            "${app.key}"
          ],
          "content": {
            "count": "${app.value.replicas}",
            "network": {
              "port": {
                "http": {
                  "to": "${app.value.port}"
                }
              }
            },
            "service": {
              "name": "${app.key}-${local.env}",
              "port": "http",
              "tags": "${concat(local.common_tags, [app.key])}"
            },
            "task": {
              "app": {
                "driver": "docker",
                "config": {
                  "image": "registry.example.com/${app.key}:${local.env}",
                  "ports": [
                    "http"
                  ]
                },
                "resources": {
                  "cpu": "${app.value.cpu}",
                  "memory": "${app.value.cpu * 2}"
                }
              }
            }
          }
        }
      }
    }
  }
}
