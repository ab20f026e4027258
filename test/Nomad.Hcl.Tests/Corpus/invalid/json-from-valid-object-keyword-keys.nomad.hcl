{
  "locals": {
    "keys": {
      "${null}": "n",
      "${true}": "t",
      "${false}": "f"
    }
  },
  "variable": {
    "defaults": {
      "default": {
        "${null}": 1
      }
    }
  },
  "job": {
    "keys": {
      "meta": {
        "${null}": "${local.keys[\"null\"]}",
        "${true}": "${local.keys[\"true\"]}",
        "count": "${jsonencode(var.defaults)}"
      },
      "group": {
        "g": {
          "task": {
            "t": {
              "driver": "docker",
              "config": {
                "image": "redis",
                "labels": {
                  "${null}": "x",
                  "${false}": "y"
                }
              },
              "env": {
                "${null}": "z"
              }
            }
          }
        }
      }
    }
  }
}
