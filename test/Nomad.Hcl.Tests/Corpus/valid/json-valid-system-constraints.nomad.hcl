{
  "job": {
    "node-exporter": {
      "type": "system",
      "datacenters": [
        "dc1"
      ],
      "node_pool": "all",
      "constraint": [
        {
          "attribute": "${attr.kernel.name}",
          "value": "linux"
        },
        {
          "distinct_hosts": true
        }
      ],
      "affinity": {
        "attribute": "${node.datacenter}",
        "value": "dc1",
        "weight": 80
      },
      "spread": {
        "attribute": "${node.datacenter}",
        "weight": 100,
        "target": {
          "dc1": {
            "percent": 60
          }
        }
      },
      "update": {
        "max_parallel": 2,
        "min_healthy_time": "30s",
        "auto_revert": true
      },
      "group": {
        "exporter": {
          "task": {
            "exporter": {
              "driver": "raw_exec",
              "constraint": {
                "attribute": "${meta.role}",
                "operator": "regexp",
                "value": "^(web|api)$"
              },
              "config": {
                "command": "node_exporter"
              }
            }
          }
        }
      }
    }
  }
}
