{
  "job": {
    "nightly-report": {
      "type": "batch",
      "datacenters": [
        "dc1",
        "dc2"
      ],
      "priority": 70,
      "periodic": {
        "crons": [
          "0 2 * * *",
          "30 14 * * 1-5"
        ],
        "prohibit_overlap": true,
        "time_zone": "Europe/Paris"
      },
      "group": {
        "report": {
          "restart": {
            "attempts": 1,
            "delay": "30s",
            "mode": "fail"
          },
          "task": {
            "run": {
              "driver": "exec",
              "config": {
                "command": "/usr/local/bin/report",
                "args": [
                  "--since",
                  "24h"
                ]
              },
              "kill_timeout": "1m30s",
              "logs": {
                "max_files": 3,
                "max_file_size": 5
              }
            }
          }
        }
      }
    }
  }
}
