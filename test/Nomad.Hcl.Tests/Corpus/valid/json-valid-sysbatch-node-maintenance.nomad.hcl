{
  "job": {
    "node-maintenance": {
      "datacenters": [
        "dc1",
        "dc2"
      ],
      "type": "sysbatch",
      "constraint": [
        {
          "attribute": "${meta.maintenance}",
          "operator": "=",
          "value": "allowed"
        },
        {
          "operator": "distinct_hosts",
          "value": "true"
        }
      ],
      "group": {
        "apt": {
          "task": {
            "upgrade": {
              "driver": "raw_exec",
              "user": "root",
              "config": {
                "command": "/usr/bin/apt-get",
                "args": [
                  "-y",
                  "upgrade"
                ]
              },
              "env": {
                "DEBIAN_FRONTEND": "noninteractive"
              }
            }
          }
        }
      }
    }
  }
}
