{
  "variable": {
    "password": {
      "type": "string"
    }
  },
  "locals": {
    "hash": "${bcrypt(var.password, 4)}"
  },
  "job": {
    "proxy": {
      "datacenters": [
        null
      ],
      "meta": {
        "prefix": "${substr(local.hash, 0, 7)}",
        "length": "${length(split(\"\", local.hash))}",
        "default_cost": "${substr(bcrypt(var.password), 0, 7)}",
        "low_cost": "${substr(bcrypt(var.password, 2), 0, 7)}",
        "negative_cost": "${substr(bcrypt(var.password, -1), 0, 7)}",
        "string_cost": "${substr(bcrypt(var.password, \"5\"), 0, 7)}",
        "empty_password": "${substr(bcrypt(\"\", 4), 0, 7)}",
        "salted": "${bcrypt(var.password, 4) != local.hash}"
      },
      "group": {
        "web": {
          "task": {
            "nginx": {
              "driver": "docker",
              "config": {
                "image": "nginx:1.27"
              },
              "env": {
                "HASH_ALGORITHM": "${substr(local.hash, 1, 2)}"
              }
            }
          }
        }
      }
    }
  }
}
