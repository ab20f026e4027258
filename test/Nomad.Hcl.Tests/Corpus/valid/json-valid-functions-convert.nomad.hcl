{
  "locals": {
    "ports": "${convert([8080, \"8443\"], list(number))}",
    "labels": "${convert({ tier = \"web\", replicas = 3, canary = true }, map(string))}",
    "limits": "${convert({ cpu = \"500\", memory = 256, extra = \"dropped\" }, object({ cpu = number, memory = number }))}",
    "zones": "${convert([\"b\", \"a\", \"b\"], set(string))}",
    "pair": "${convert([\"10\", 20], tuple([number, string]))}",
    "nested": "${convert({ web = [1, 2], db = [] }, map(list(string)))}",
    "anything": "${convert([1, \"a\", true], list(any))}"
  },
  "job": {
    "converted": {
      "datacenters": [
        "dc1"
      ],
      "meta": {
        "ports": "${jsonencode(local.ports)}",
        "port_sum": "${local.ports[0] + local.ports[1]}",
        "labels": "${jsonencode(local.labels)}",
        "limits": "${jsonencode(local.limits)}",
        "zones": "${jsonencode(local.zones)}",
        "pair": "${jsonencode(local.pair)}",
        "nested": "${jsonencode(local.nested)}",
        "anything": "${jsonencode(local.anything)}",
        "as_string": "${convert(42, string)}",
        "as_bool": "${convert(\"true\", bool) ? \"yes\" : \"no\"}",
        "null_kept": "${jsonencode(convert(null, map(string)))}",
        "with_any": "${jsonencode(convert({ a = 1 }, any))}",
        "objects": "${jsonencode(convert([{ name = \"a\", port = 1 }, { name = \"b\", port = \"2\" }], list(object({ name = string, port = number }))))}"
      },
      "group": {
        "web": {
          "count": "${convert(\"2\", number)}",
          "task": {
            "app": {
              "driver": "docker",
              "config": {
                "image": "nginx:1.27",
                "args": "${[for p in local.ports : convert(p, string)]}"
              }
            }
          }
        }
      }
    }
  }
}
