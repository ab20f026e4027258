{
  "variable": {
    "a": {
      "type": "list(string)",
      "default": [
        "x",
        "y"
      ],
      "validation": {
        "condition": "${length([for s in var.a : s if s == \"\"]) == 0 && contains(keys({ a = var.a[0] }), \"a\")}",
        "error_message": "Each a must be non-empty."
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
                "args": "${var.a}"
              }
            }
          }
        }
      }
    }
  }
}
