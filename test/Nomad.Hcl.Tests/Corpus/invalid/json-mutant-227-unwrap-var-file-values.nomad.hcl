{
  "variable": [
    {
      "region": {
        "type": "string"
      }
    },
    {
      "versions": {
        "type": null
      }
    },
    {
      "replicas": {
        "type": "number",
        "default": 1
      }
    },
    {
      "extra_args": {
        "type": "list(string)",
        "default": []
      }
    },
    {
      "resources": {
        "type": "object({\n    cpu    = number\n    memory = number\n  })"
      }
    }
  ],
  "job": {
    "billing": {
      "region": "${var.region}",
      "datacenters": [
        "${var.region}-1"
      ],
      "group": {
        "api": {
          "count": "${var.replicas}",
          "task": {
            "api": {
              "driver": "docker",
              "config": {
                "image": "registry.example.com/billing:${var.versions[\"api\"]}",
                "args": "${concat([\"serve\"], var.extra_args)}"
              },
              "resources": {
                "cpu": "${var.resources.cpu}",
                "memory": "${var.resources.memory}"
              }
            }
          }
        }
      }
    }
  }
}
