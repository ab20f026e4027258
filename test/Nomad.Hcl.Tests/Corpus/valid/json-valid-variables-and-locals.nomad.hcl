{
  "variable": [
    {
      "image": {
        "type": "string",
        "default": "redis:7"
      }
    },
    {
      "datacenters": {
        "type": "list(string)",
        "default": [
          "dc1"
        ]
      }
    },
    {
      "replicas": {
        "type": "number",
        "default": 3
      }
    },
    {
      "labels": {
        "type": "map(string)",
        "default": {
          "owner": "platform",
          "tier": "cache"
        }
      }
    },
    {
      "enable_metrics": {
        "type": "bool",
        "default": true
      }
    }
  ],
  "locals": {
    "name": "cache-${var.labels.tier}",
    "full_tag": "${upper(replace(var.image, \":\", \"-\"))}",
    "ports": {
      "db": 6379,
      "metrics": 9121
    }
  },
  "job": {
    "cache": {
      "datacenters": "${var.datacenters}",
      "meta": "${merge(var.labels, { image = var.image })}",
      "group": {
        "redis": {
          "count": "${var.replicas}",
          "network": {
            "dynamic": {
              "port": {
                "for_each": "${local.ports}",
                "labels": [
                  "${port.key}"
                ],
                "content": {
                  "to": "${port.value}"
                }
              }
            }
          },
          "task": {
            "redis": {
              "driver": "docker",
              "config": {
                "image": "${var.image}",
                "args": "${[for k, v in local.ports : \"--${k}=${v}\" if k != \"metrics\" || var.enable_metrics]}"
              },
              "env": {
                "TAG": "${local.full_tag}",
                "NAME": "${local.name}",
                "N": "${length(keys(local.ports))}"
              }
            }
          }
        }
      }
    }
  }
}
