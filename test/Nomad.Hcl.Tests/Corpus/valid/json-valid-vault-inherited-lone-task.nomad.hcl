{
  "job": {
    "reporting": {
      "datacenters": [
        "dc1"
      ],
      "vault": {
        "policies": [
          "reporting"
        ]
      },
      "task": {
        "collector": {
          "driver": "exec",
          "config": {
            "command": "/usr/bin/collector"
          }
        }
      },
      "group": [
        {
          "web": {
            "vault": {
              "policies": [
                "web"
              ],
              "change_mode": "noop"
            },
            "task": [
              {
                "web": {
                  "driver": "docker",
                  "config": {
                    "image": "reporting-web:1"
                  }
                }
              },
              {
                "own": {
                  "driver": "docker",
                  "vault": {
                    "role": "own-role"
                  },
                  "config": {
                    "image": "reporting-own:1"
                  }
                }
              }
            ]
          }
        },
        {
          "batch": {
            "task": {
              "export": {
                "driver": "docker",
                "config": {
                  "image": "reporting-export:1"
                }
              }
            }
          }
        }
      ]
    }
  }
}
