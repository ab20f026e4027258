{
  "job": {
    "x": {
      "group": {
        "g": {
          "dynamic": {
            "network": {
              "for_each": [
                "${yamldecode(\"~\")}"
              ],
              "content": {
                "mode": "host"
              }
            }
          },
          "task": {
            "t": {
              "driver": "docker"
            }
          }
        }
      }
    }
  }
}
