{
  "job": {
    "empty-hook": {
      "group": {
        "g": {
          "task": [
            {
              "init": {
                "driver": "docker",
                "lifecycle": {
                  "hook": ""
                },
                "config": {
                  "image": "busybox:1"
                }
              }
            },
            {
              "main": {
                "driver": "docker",
                "config": {
                  "image": "busybox:1"
                }
              }
            }
          ]
        }
      }
    }
  }
}
