{
  "job": {
    "labels": {
      "group": {
        "cache": {
          "task": {
            "redis": {
              "driver": "docker",
              "env": {
                "with.dots": "1"
              },
              "config": {
                "image": "redis:7",
                "labels": [
                  {
                    "quoted": "${env[\"with.dots\"]}",
                    "bare": "${env[\"with.dots\"]}",
                    "empty": "${env[\"\"]}",
                    "mixed": "${meta[\"rack\"]}-${node.attr[\"zone\"]}",
                    "prefix": "${NOMAD_META[\"x\"]}"
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
