{
  "variable": {
    "b": {
      "default": "${[for x in [\"a\", \"b\"] : \"${x}-1\"]}"
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
                "image": "${var.b[1]}"
              }
            }
          }
        }
      }
    }
  }
}
