{
  "locals": {
    "vpc": "10.20.0.0/16",
    "zones": [
      "a",
      "b",
      "c"
    ],
    "start": "2024-03-01T22:00:00Z",
    "allowed": [
      "dc1",
      "dc2",
      "dc3"
    ],
    "requested": [
      "dc3",
      "dc1",
      "dc9"
    ]
  },
  "job": {
    "net-functions": {
      "datacenters": "${sort(setintersection(local.allowed, local.requested))}",
      "meta": {
        "union": "${jsonencode(setunion([\"b\", \"a\"], [\"c\", \"a\"]))}",
        "union_mixed": "${jsonencode(setunion([\"1\", \"x\"], [2, 1]))}",
        "intersection": "${jsonencode(setintersection([1, 2, 3], [3, 2], [2, 3, 4]))}",
        "product": "${jsonencode(setproduct([\"web\", \"api\"], [\"blue\", \"green\"]))}",
        "product_count": "${length(setproduct(local.zones, [1, 2]))}",
        "subnet_a": "${cidrsubnet(local.vpc, 8, 1)}",
        "subnet_last": "${cidrsubnet(local.vpc, 4, 15)}",
        "subnet_v6": "${cidrsubnet(\"fd00:fd12:3456:7890::/56\", 16, 162)}",
        "subnets": "${join(\",\", [for i, z in local.zones : cidrsubnet(local.vpc, 8, i + 10)])}",
        "gateway": "${cidrhost(cidrsubnet(local.vpc, 8, 1), 1)}",
        "host_negative": "${cidrhost(\"10.12.112.0/20\", -2)}",
        "host_v6": "${cidrhost(\"fd00:fd12:3456:7890:00a2::/72\", 34)}",
        "netmask": "${cidrnetmask(local.vpc)}",
        "netmask_small": "${cidrnetmask(\"172.16.0.0/29\")}",
        "window_end": "${timeadd(local.start, \"2h30m\")}",
        "window_back": "${timeadd(\"2024-03-01T01:00:00+05:00\", \"-90m\")}",
        "window_days": "${timeadd(local.start, \"48h\")}",
        "window_nanos": "${timeadd(\"2024-12-31T23:59:59Z\", \"1s\")}"
      },
      "group": {
        "edge": {
          "network": {
            "mode": "bridge"
          },
          "task": {
            "proxy": {
              "driver": "docker",
              "config": {
                "image": "envoyproxy/envoy:v1.29",
                "args": [
                  "--subnet",
                  "${cidrsubnet(local.vpc, 8, 2)}"
                ]
              }
            }
          }
        }
      }
    }
  }
}
