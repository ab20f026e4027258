{
  "locals": {
    "workers": "${csvdecode(<<-CSV\n    name,zone,weight\n    alpha,eu-1,10\n    \"beta, the second\",eu-2,\"2\"\"0\"\n    gamma,,30\n    CSV\n  )}",
    "plan": "${cidrsubnets(\"10.1.0.0/16\", 4, 4, 8, 4)}"
  },
  "job": {
    "inventory": {
      "datacenters": [
        "dc1"
      ],
      "meta": {
        "first_name": "${local.workers[0].name}",
        "quoted_name": "${local.workers[1].name}",
        "quoted_w": "${local.workers[1].weight}",
        "empty_zone": "${local.workers[2].zone}",
        "count": "${length(local.workers)}",
        "columns": "${join(\",\", keys(local.workers[0]))}",
        "header_only": "${length(csvdecode(\"a,b\\n\"))}",
        "crlf": "${jsonencode(csvdecode(\"k,v\\r\\n1,2\\r\\n\"))}",
        "plan": "${join(\" \", local.plan)}",
        "plan_v6": "${join(\" \", cidrsubnets(\"fd00:fd12:3456:7890::/56\", 16, 16, 8))}",
        "id_dns": "${uuidv5(\"dns\", \"web.example.com\")}",
        "id_url": "${uuidv5(\"url\", \"https://example.com/jobs/inventory\")}",
        "id_oid": "${uuidv5(\"oid\", \"1.3.6.1.4.1\")}",
        "id_x500": "${uuidv5(\"x500\", \"CN=nomad\")}",
        "id_custom": "${uuidv5(\"6ba7b810-9dad-11d1-80b4-00c04fd430c8\", \"web.example.com\")}"
      },
      "dynamic": {
        "group": {
          "for_each": "${local.workers}",
          "labels": [
            "${group.value.name}"
          ],
          "content": {
            "count": "${group.value.zone == \"\" ? 0 : 1}",
            "task": {
              "work": {
                "driver": "exec",
                "config": {
                  "command": "/bin/worker",
                  "args": [
                    "--zone",
                    "${group.value.zone}"
                  ]
                }
              }
            }
          }
        }
      }
    }
  }
}
