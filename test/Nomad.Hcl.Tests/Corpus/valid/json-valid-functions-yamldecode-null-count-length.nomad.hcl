{
  "job": {
    "x": {
      "group": {
        "g": {
          "count": "${length([yamldecode(\"~\"), 1])}",
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
