{
  "job": {
    "cleanup": {
      "datacenters": [
        "dc1"
      ],
      "type": "batch",
      "periodic": {
        "crons": [
          "0 3 * * *",
          "30 15 * * 1-5"
        ],
        "prohibit_overlap": true,
        "time_zone": "Europe/Paris"
      },
      "group": {
        "cleanup": {
          "task": {
            "prune": {
              "driver": "raw_exec",
              "config": {
                "command": "/usr/bin/find",
                "args": [
                  "/var/log/app",
                  "-mtime",
                  "+7",
                  "-delete"
                ]
              },
              "resources": {
                "cpu": 100,
                "memory": 64
              }
            }
          }
        }
      }
    }
  }
}
