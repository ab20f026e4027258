{
  "variable": {
    "suffix": {
      "type": "string",
      "default": "é"
    }
  },
  "job": {
    "nfc": {
      "datacenters": [
        "dc1"
      ],
      "meta": {
        "kelvin_escape": "K",
        "kelvin_literal": "K",
        "combining": "é",
        "combined_text": "café",
        "template": "${\"e\"}́",
        "from_variable": "${var.suffix}",
        "upper": "${upper(\"e\\u0301\")}",
        "json": "${jsonencode(\"e\\u0301\")}",
        "é": "key",
        "heredoc": "angstrom Å and ohm Ω\n"
      },
      "group": {
        "g": {
          "task": {
            "t": {
              "driver": "docker",
              "config": {
                "image": "é"
              },
              "env": {
                "NAME": "K"
              }
            }
          }
        }
      }
    }
  }
}
