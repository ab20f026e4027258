{
  "variable": [
    {
      "environment": {
        "type": "string",
        "default": "production"
      }
    },
    {
      "extra_args": {
        "type": "list(string)",
        "default": []
      }
    }
  ],
  "locals": {
    "is_prod": "${var.environment == \"production\"}",
    "replicas": "${local.is_prod ? 3 : 1}",
    "memory": "${local.is_prod ? 1024 : 256}",
    "args": "${concat([\"--env\", var.environment], var.extra_args)}"
  },
  "job": {
    "api": {
      "datacenters": "${local.is_prod ? [\"dc1\", \"dc2\"] : [\"dev\"]}",
      "priority": "${local.is_prod ? 80 : 30}",
      "group": {
        "api": {
          "count": "${local.replicas}",
          "task": {
            "api": {
              "driver": "docker",
              "config": {
                "image": "${\"example/api:${local.is_prod ? \"stable\" : \"latest\"}\"}",
                "args": null
              },
              "resources": {
                "cpu": 500,
                "memory": "${local.memory}"
              },
              "meta": {
                "environment": "${upper(var.environment)}",
                "tier": "${local.is_prod ? \"gold\" : \"bronze\"}"
              }
            }
          }
        }
      }
    }
  }
}
