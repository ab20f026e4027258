{
  "variable": [
    {
      "name": {
        "description": "Job name suffix",
        "type": "string",
        "default": "demo"
      }
    },
    {
      "count": {
        "type": "number",
        "default": 2
      }
    },
    {
      "enabled": {
        "type": "bool",
        "default": false
      }
    },
    {
      "zones": {
        "type": "set(string)",
        "default": [
          "b",
          "a",
          "b"
        ]
      }
    },
    {
      "ports": {
        "type": "map(number)",
        "default": {
          "http": 80,
          "https": 443
        }
      }
    },
    {
      "pair": {
        "type": "tuple([string, number])",
        "default": [
          "x",
          1
        ]
      }
    },
    {
      "settings": {
        "type": "object({\n    image = string\n    args  = list(string)\n  })",
        "default": {
          "image": "busybox:1",
          "args": [
            "sleep",
            "3600"
          ]
        }
      }
    },
    {
      "anything": {
        "default": {
          "nested": [
            1,
            2,
            3
          ]
        }
      }
    }
  ],
  "job": {
    "types": {
      "datacenters": "${[for z in var.zones : \"dc-${z}\"]}",
      "meta": {
        "enabled": "${var.enabled}",
        "count": "${var.count}",
        "pair": "${var.pair[0]}-${var.pair[1]}",
        "first": "${var.anything.nested[0]}",
        "sum": "${var.ports.http + var.ports[\"https\"]}",
        "zones": "${join(\",\", var.zones)}",
        "joined": "${format(\"%s:%d/%v\", var.name, var.count, var.enabled)}",
        "nullsafe": "${try(var.anything.missing, \"fallback\")}",
        "can": "${can(var.anything.nested[10])}"
      },
      "group": {
        "g": {
          "count": "${var.enabled ? var.count : 1}",
          "task": {
            "t": {
              "driver": "docker",
              "config": {
                "image": "${var.settings.image}",
                "args": "${var.settings.args}"
              }
            }
          }
        }
      }
    }
  }
}
