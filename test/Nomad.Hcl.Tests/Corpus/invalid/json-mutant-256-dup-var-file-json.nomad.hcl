{
  "variable": [
    {
      "image": {
        "type": "string"
      },
      "image": {
        "type": "string"
      }
    },
    {
      "ports": {
        "type": "list(number)"
      }
    },
    {
      "labels": {
        "type": "map(string)"
      }
    },
    {
      "settings": {
        "default": {}
      }
    }
  ],
  "job": {
    "x": {
      "group": {
        "g": {
          "task": {
            "t": {
              "driver": "docker",
              "config": {
                "image": "${var.image}",
                "ports": "${var.ports}",
                "labels": "${var.labels}",
                "settings": "${var.settings}"
              }
            }
          }
        }
      }
    }
  }
}
