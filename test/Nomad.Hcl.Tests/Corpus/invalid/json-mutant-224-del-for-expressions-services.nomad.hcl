{
  "locals": {
    "services": {
      "api": {
        "port": 8080,
        "cpu": 300,
        "tags": [
          "api",
          "v2"
        ]
      },
      "worker": {
        "port": 9090,
        "cpu": 500,
        "tags": [
          "worker"
        ]
      }
    },
    "all_tags": "${distinct(flatten([for s in local.services : s.tags]))}",
    "ports": "${{ for name, s in local.services : name => s.port }}"
  },
  "job": {
    "platform": {
      "datacenters": [
        "dc1"
      ],
      "meta": {
        "tags": "${join(\",\", local.all_tags)}",
        "count": "${tostring_is_not_a_function == null ? \"x\" : \"y\"}"
      },
      "dynamic": {
        "group": {
          "for_each": "${local.services}",
          "labels": [
            "${group.key}"
          ]
        }
      }
    }
  }
}
