{
  "job": {
    "cleanup": {
      "type": "sysbatch",
      "datacenters": [
        "dc1"
      ],
      "all_at_once": true,
      "group": {
        "cleanup": {
          "task": {
            "cleanup": {
              "driver": "docker",
              "config": {
                "image": "alpine:3.19",
                "command": "sh",
                "args": [
                  "-c",
                  "rm -rf /tmp/cache/*"
                ],
                "privileged": false,
                "volumes": [
                  "/tmp:/tmp"
                ],
                "port_map": [
                  {
                    "http": 80
                  }
                ],
                "mount": [
                  {
                    "type": "bind",
                    "source": "/var/log",
                    "target": "/logs"
                  },
                  {
                    "type": "tmpfs",
                    "target": "/scratch",
                    "readonly": false
                  }
                ],
                "logging": {
                  "type": "json-file",
                  "config": {
                    "max-size": "10m"
                  }
                },
                "ratio": 0.75,
                "numbers": [
                  1,
                  2.5,
                  "${-3}"
                ]
              },
              "meta": {
                "owner": "ops"
              }
            }
          }
        }
      }
    }
  }
}
