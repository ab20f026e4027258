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
    "cache": ["datacenters", "${var.datacenters}"]
  }
}
