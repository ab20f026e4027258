{
  "locals": {
    "backends": [
      {
        "name": "a",
        "addr": "10.0.0.1"
      },
      {
        "name": "b",
        "addr": "10.0.0.2"
      }
    ],
    "addrs": "${local.backends[*].addr}"
  },
  "job": {
    "lb": {
      "datacenters": [
        "dc1"
      ],
      "meta": {
        "backends": "${join(\",\", local.addrs)}",
        "names": "${join(\",\", [for b in local.backends : upper(b.name)])}",
        "by_name": "${jsonencode({ for b in local.backends : b.name => b.addr })}",
        "trimmed": "${trimspace(\"  padded  \")}",
        "replaced": "${replace(\"a-b-c\", \"-\", \"_\")}",
        "padded": "${format(\"%-6s|%6s\", \"l\", \"r\")}",
        "split": "${length(split(\",\", \"x,y,z\"))}"
      },
      "group": {
        "lb": {
          "task": {
            "haproxy": {
              "driver": "docker",
              "config": {
                "image": "haproxy:2.9",
                "args": "${[for a in local.addrs : \"--backend=${a}:80\"]}"
              }
            }
          }
        }
      }
    }
  }
}
