{
  "variable": {
    "m": {
      "type": "map(string)",
      "default": {
        "a": "1"
      }
    }
  },
  "job": {
    "x": {
      "group": {
        "g": {
          "task": {
            "t": {
              "driver": "docker",
              "config": {
                "top": {
                  "a": 1
                },
                "paren": "${({ a = 1 })}",
                "fromvar": "${var.m}",
                "nested": [
                  {
                    "m": {
                      "a": 1
                    },
                    "v": "${var.m}"
                  }
                ]
              }
            }
          }
        }
      }
    }
  }
}
