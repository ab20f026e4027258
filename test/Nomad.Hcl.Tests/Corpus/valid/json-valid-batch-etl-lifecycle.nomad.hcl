{
  "variable": [
    {
      "dataset": {
        "type": "string",
        "default": "sales-2024"
      }
    },
    {
      "shards": {
        "type": "number",
        "default": 4
      }
    }
  ],
  "job": {
    "etl": {
      "datacenters": [
        "dc1"
      ],
      "type": "batch",
      "reschedule": {
        "attempts": 2,
        "interval": "1h",
        "delay": "30s",
        "unlimited": false
      },
      "affinity": {
        "attribute": "${node.class}",
        "value": "highmem",
        "weight": 60
      },
      "group": {
        "transform": {
          "count": "${var.shards}",
          "max_client_disconnect": "15m",
          "task": [
            {
              "fetch": {
                "driver": "exec",
                "lifecycle": {
                  "hook": "prestart",
                  "sidecar": false
                },
                "config": {
                  "command": "/usr/local/bin/fetch",
                  "args": [
                    "--dataset",
                    "${var.dataset}",
                    "--shard",
                    "${NOMAD_ALLOC_INDEX}"
                  ]
                }
              }
            },
            {
              "transform": {
                "driver": "exec",
                "config": {
                  "command": "/usr/local/bin/transform",
                  "args": [
                    "--input",
                    "${NOMAD_ALLOC_DIR}/data/${var.dataset}"
                  ]
                },
                "resources": {
                  "cpu": 2000,
                  "memory": 4096
                }
              }
            },
            {
              "report": {
                "driver": "exec",
                "lifecycle": {
                  "hook": "poststop"
                },
                "config": {
                  "command": "/usr/local/bin/report"
                }
              }
            }
          ]
        }
      }
    }
  }
}
